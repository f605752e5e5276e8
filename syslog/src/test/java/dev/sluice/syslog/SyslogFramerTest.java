package dev.sluice.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6587 framing rules (syslog-cef-rules.md B.1). */
class SyslogFramerTest {

  private static List<String> frames(String stream) {
    return frames(stream.getBytes(UTF_8), SyslogFramer.DEFAULT_MAX_FRAME_SIZE);
  }

  /** {@code MSG-LEN SP MSG} with the length counted in UTF-8 bytes. */
  static String octet(String message) {
    return message.getBytes(UTF_8).length + " " + message;
  }

  private static List<String> frames(byte[] stream, int maxFrameSize) {
    return FramerRecorder.frame(stream, maxFrameSize, new int[] {stream.length});
  }

  @Test
  void readsOctetCountedFrame() {
    assertEquals(List.of("OCTET_COUNTING:<13>hello"), frames(octet("<13>hello")));
  }

  @Test
  void octetCountCountsBytesNotCharacters() {
    String message = "<13>grüße €";
    int bytes = message.getBytes(UTF_8).length;
    assertEquals(15, bytes);
    List<String> events = new java.util.ArrayList<>();
    SyslogFramer framer = new SyslogFramer((b, off, len, framing) ->
        events.add(new String(b, off, len, UTF_8)));
    framer.feed((bytes + " " + message + "9 <13>next!").getBytes(UTF_8));
    assertEquals(List.of(message, "<13>next!"), events);
  }

  @Test
  void splitsOnLineFeed() {
    assertEquals(List.of("LF:<13>a", "LF:<13>b"), frames("<13>a\n<13>b\n"));
  }

  @Test
  void dropsCarriageReturnBeforeLineFeed() {
    assertEquals(List.of("CRLF:<13>a", "CRLF:<13>b"), frames("<13>a\r\n<13>b\r\n"));
  }

  @Test
  void splitsOnNul() {
    assertEquals(List.of("NUL:<13>a", "NUL:<13>b"), frames("<13>a\0<13>b\0"));
  }

  @Test
  void decidesFramingPerFrameInAMixedStream() {
    assertEquals(List.of("OCTET_COUNTING:<13>a", "LF:<13>b", "OCTET_COUNTING:<13>c", "NUL:<13>d"),
        frames(octet("<13>a") + "<13>b\n" + octet("<13>c") + "<13>d\0"));
  }

  @Test
  void readsSeveralOctetCountedFramesFromOneSegment() {
    // graylog2-server #15231: FortiGate frames merged into one message.
    assertEquals(List.of("OCTET_COUNTING:<13>one", "OCTET_COUNTING:<13>two",
        "OCTET_COUNTING:<13>three"), frames(octet("<13>one") + octet("<13>two") + octet("<13>three")));
  }

  @Test
  void lineStartingWithDigitsIsNotMistakenForAnOctetCount() {
    // Datadog agent PR #54492.
    assertEquals(List.of("LF:54 <1 minute elapsed", "LF:<134>x"),
        frames("54 <1 minute elapsed\n<134>x\n"));
  }

  @Test
  void bareCefLineIsLineFramed() {
    assertEquals(List.of("LF:CEF:0|V|P|1|2|N|5|a=b"), frames("CEF:0|V|P|1|2|N|5|a=b\n"));
  }

  @Test
  void octetCountedFrameMayCarryBareCef() {
    assertEquals(List.of("OCTET_COUNTING:CEF:0|V|P|1|2|N|5|"), frames(octet("CEF:0|V|P|1|2|N|5|")));
  }

  @Test
  void acceptsLeadingZerosInMessageLength() {
    // loggen sends them; rsyslog accepts them, and so do we.
    assertEquals(List.of("OCTET_COUNTING:<13>hi"), frames("000006 <13>hi"));
  }

  @Test
  void stripsTrailingLineEndsInsideOctetCountedFrame() {
    // loggen -P and rsyslog's Protocol23 template.
    assertEquals(List.of("OCTET_COUNTING:<13>hi", "OCTET_COUNTING:<13>ho"),
        frames("7 <13>hi\n8 <13>ho\r\n"));
  }

  @Test
  void discardsOversizedOctetCountedFrameAndKeepsFraming() {
    byte[] stream = ("30 <13>" + "x".repeat(26) + octet("<13>ok")).getBytes(UTF_8);
    assertEquals(List.of("FRAME_TOO_LARGE:OCTET_COUNTING:30", "OCTET_COUNTING:<13>ok"),
        frames(stream, 16));
  }

  @Test
  void discardsOversizedLineAndKeepsFraming() {
    byte[] stream = ("<13>" + "x".repeat(40) + "\n<13>ok\n").getBytes(UTF_8);
    assertEquals(List.of("FRAME_TOO_LARGE:LF:44", "LF:<13>ok"), frames(stream, 16));
  }

  @Test
  void discardsOversizedLineArrivingInSmallChunks() {
    byte[] stream = ("<13>" + "x".repeat(40) + "\n<13>ok\n").getBytes(UTF_8);
    int[] chunks = new int[stream.length];
    java.util.Arrays.fill(chunks, 1);
    assertEquals(List.of("FRAME_TOO_LARGE:LF:44", "LF:<13>ok"),
        FramerRecorder.frame(stream, 16, chunks));
  }

  @Test
  void hugeAnnouncedLengthIsSkippedNotAllocated() {
    byte[] stream = "2000000000 <13>tiny".getBytes(UTF_8);
    FramerRecorder recorder = new FramerRecorder();
    SyslogFramer framer = new SyslogFramer(recorder);
    framer.feed(stream);
    framer.endOfStream();
    assertEquals(List.of("FRAME_TOO_LARGE:OCTET_COUNTING:2000000000"), recorder.events);
    assertEquals(1, framer.discardedFrames());
  }

  @Test
  void wrongOctetCountCostsFramesOnlyUntilTheNextLineEnd() {
    // The count says 5 but the message is longer: the rest is delivered as its own (garbage)
    // frame up to the LF, and the next frame is read correctly again.
    assertEquals(List.of("OCTET_COUNTING:<13>a", "LF:bcdef", "LF:<13>next"),
        frames("5 <13>abcdef\n<13>next\n"));
  }

  @Test
  void deliversFinalFrameWithoutTrailerAtEndOfStream() {
    assertEquals(List.of("LF:<13>a", "END_OF_STREAM:<13>b"), frames("<13>a\n<13>b"));
  }

  @Test
  void reportsTruncatedOctetCountedFrameAtEndOfStream() {
    assertEquals(List.of("TRUNCATED_AT_END_OF_STREAM:OCTET_COUNTING:7"), frames("20 <13>abc"));
  }

  @Test
  void skipsEmptyLines() {
    assertEquals(List.of("LF:<13>a"), frames("\n\r\n\0<13>a\n\n"));
  }

  @Test
  void assemblesFramesSplitAcrossChunks() {
    byte[] stream = (octet("<13>abcdefg") + "<13>line\r\n").getBytes(UTF_8);
    int[] ones = new int[stream.length];
    java.util.Arrays.fill(ones, 1);
    assertEquals(List.of("OCTET_COUNTING:<13>abcdefg", "CRLF:<13>line"),
        FramerRecorder.frame(stream, 64, ones));
  }

  @Test
  void readsDirectByteBuffers() {
    FramerRecorder recorder = new FramerRecorder();
    SyslogFramer framer = new SyslogFramer(recorder);
    ByteBuffer direct = ByteBuffer.allocateDirect(32);
    direct.put(("<13>a\n" + octet("<13>b")).getBytes(UTF_8)).flip();
    framer.feed(direct);
    assertEquals(0, direct.remaining());
    assertEquals(List.of("LF:<13>a", "OCTET_COUNTING:<13>b"), recorder.events);
    assertEquals(2, framer.frames());
  }

  @Test
  void frameInOneChunkIsHandedOverWithoutCopy() {
    byte[] chunk = "<13>a\n".getBytes(UTF_8);
    byte[][] seen = new byte[1][];
    new SyslogFramer((b, off, len, framing) -> seen[0] = b).feed(chunk);
    assertSame(chunk, seen[0]);
  }
}
