package dev.sluice.syslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Runs a framer over a stream cut into given chunk sizes and records what it reports. */
final class FramerRecorder implements FrameHandler {

  final List<String> events = new ArrayList<>();

  @Override
  public void onFrame(byte[] bytes, int offset, int length, Framing framing) {
    events.add(framing + ":" + new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
  }

  @Override
  public void onFrameDiscarded(FrameDiscard reason, Framing framing, long length) {
    events.add(reason + ":" + framing + ":" + length);
  }

  static List<String> frame(byte[] stream, int maxFrameSize, int[] chunkSizes) {
    FramerRecorder recorder = new FramerRecorder();
    SyslogFramer framer = new SyslogFramer(maxFrameSize, recorder);
    int offset = 0;
    for (int size : chunkSizes) {
      int n = Math.min(size, stream.length - offset);
      framer.feed(stream, offset, n);
      offset += n;
    }
    framer.feed(stream, offset, stream.length - offset);
    framer.endOfStream();
    return recorder.events;
  }

  /** Chunk sizes (1..17 bytes) covering {@code length}, from a seed so failures replay. */
  static int[] chunkSizes(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> sizes = new ArrayList<>();
    for (int covered = 0; covered < length; ) {
      int size = random.nextInt(1, 18);
      sizes.add(size);
      covered += size;
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }
}
