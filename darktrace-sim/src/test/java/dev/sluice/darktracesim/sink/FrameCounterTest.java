package dev.sluice.darktracesim.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameCounterTest {

  private static final byte[] MIXED = ("<165>a b\n" + "11 <165>hello\n" + "<1>x\n" + "CEF:0|x\n"
      + "5 <1>ab" + "<2>c\n").getBytes(StandardCharsets.UTF_8);

  @Test
  void countsLfAndOctetCountedFramesDecidedPerFrame() {
    FrameCounter counter = new FrameCounter();
    counter.feed(MIXED, 0, MIXED.length);
    assertEquals(6, counter.frames());
  }

  @Test
  void anySplitIntoChunksGivesTheSameCount() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 500; round++) {
      FrameCounter counter = new FrameCounter();
      int i = 0;
      while (i < MIXED.length) {
        int n = 1 + random.nextInt(MIXED.length - i);
        counter.feed(MIXED, i, n);
        i += n;
      }
      assertEquals(6, counter.frames(), "round " + round);
    }
  }

  @Test
  void findsTheFirstLfAtEveryPositionOfAWord() {
    for (int length = 0; length < 40; length++) {
      for (int lf = -1; lf < length; lf++) {
        byte[] bytes = new byte[length + 3];
        java.util.Arrays.fill(bytes, (byte) 0x8a);
        if (lf >= 0) {
          bytes[lf + 3] = '\n';
          if (lf + 5 < bytes.length) {
            bytes[lf + 5] = '\n';
          }
        }
        assertEquals(lf < 0 ? -1 : lf + 3, FrameCounter.indexOfLf(bytes, 3, bytes.length),
            "length " + length + ", lf at " + lf);
      }
    }
  }
}
