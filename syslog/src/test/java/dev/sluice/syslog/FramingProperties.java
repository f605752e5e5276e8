package dev.sluice.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Frames written by {@link SyslogWriter} in any mix of framings come back out of
 * {@link SyslogFramer} unchanged, however the stream is cut into chunks. Seeded by jqwik: a
 * failure prints the seed that replays it.
 */
class FramingProperties {

  record Written(String message, Framing framing) {}

  @Property(tries = 300)
  void anyChunkingYieldsTheWrittenFrames(@ForAll("streams") List<Written> written,
      @ForAll long chunkSeed) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    for (Written w : written) {
      byte[] frame = SyslogWriter.frame(w.message().getBytes(UTF_8), w.framing());
      stream.writeBytes(frame);
      expected.add(w.framing() + ":" + new String(w.message().getBytes(UTF_8),
          java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    byte[] bytes = stream.toByteArray();
    assertEquals(expected, FramerRecorder.frame(bytes, 4096, new int[] {bytes.length}));
    assertEquals(expected,
        FramerRecorder.frame(bytes, 4096, FramerRecorder.chunkSizes(bytes.length, chunkSeed)));
  }

  @Provide
  Arbitrary<List<Written>> streams() {
    Arbitrary<String> body = Arbitraries.strings()
        .withChars("abcXYZ 019<>|=\\:-\u00e9\u20ac~")
        .ofMaxLength(60)
        .map(s -> s.replace("~", "\uD83D\uDE00"));
    Arbitrary<String> message = Combinators.combine(Arbitraries.integers().between(0, 191), body)
        .as((pri, text) -> "<" + pri + ">" + text);
    Arbitrary<Framing> framing = Arbitraries.of(Framing.OCTET_COUNTING, Framing.LF,
        Framing.CRLF, Framing.NUL);
    return Combinators.combine(message, framing).as(Written::new).list().ofMaxSize(8);
  }
}
