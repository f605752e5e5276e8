package dev.sluice.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Jazzer targets. In a normal test run they replay the committed inputs under
 * {@code src/test/resources/dev/sluice/syslog/SyslogFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see CONTRIBUTING.md).
 */
class SyslogFuzzTest {

  /** Any chunking of any stream yields the same frames and events; frames stay within bounds. */
  @FuzzTest(maxDuration = "10m")
  void framerIsChunkingInvariantAndBounded(FuzzedDataProvider data) {
    int maxFrameSize = data.consumeInt(1, 300);
    int chunkSeed = data.consumeInt();
    byte[] stream = data.consumeRemainingAsBytes();
    List<String> whole = FramerRecorder.frame(stream, maxFrameSize, new int[] {stream.length});
    List<String> chunked = FramerRecorder.frame(stream, maxFrameSize,
        FramerRecorder.chunkSizes(stream.length, chunkSeed));
    assertEquals(whole, chunked);
    for (String event : whole) {
      assertTrue(event.length() <= maxFrameSize * 4 + 40, event);
    }
  }

  /** The header parser never throws and every offset it reports lies inside the frame. */
  @FuzzTest(maxDuration = "10m")
  void syslogParserNeverThrowsAndStaysInBounds(FuzzedDataProvider data) {
    long receivedAt = data.consumeLong(0, 4_102_444_800_000L);
    byte[] frame = data.consumeRemainingAsBytes();
    SyslogMessage m = new SyslogParser(java.time.ZoneId.of("Europe/Berlin"))
        .parse(frame, 0, frame.length, receivedAt);
    assertTrue(m.messageOffset() >= 0 && m.messageOffset() <= frame.length);
    assertTrue(m.cefOffset() == -1 || m.cefOffset() >= m.messageOffset());
    m.timestamp();
    m.hostname();
    m.appName();
    m.procId();
    m.msgId();
    m.structuredData();
    m.structuredDataElements();
    m.message();
    m.anomalies();
    assertTrue(m.pri() >= -1 && m.pri() <= 191);
  }
}
