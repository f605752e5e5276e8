package dev.sluice.darktracesim.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static ProgressBar bar(OptionalLong total, Optional<Duration> duration) {
    return new ProgressBar(new PrintStream(new ByteArrayOutputStream()), () -> 0, () -> 0, total,
        duration);
  }

  @Test
  void showsTheShareOfTheCountWithRateAndErrors() {
    assertEquals("[##########··········]  50%  500,000 sent  612,345 msg/s  errors 2",
        bar(OptionalLong.of(1_000_000), Optional.empty()).line(500_000, 612_345.4, 2, 0));
  }

  @Test
  void showsTheShareOfTheDurationWhenThereIsNoCount() {
    assertEquals("[#####···············]  25%  10 sent  40 msg/s  errors 0",
        bar(OptionalLong.empty(), Optional.of(Duration.ofSeconds(4))).line(10, 40, 0,
            1_000_000_000L));
  }

  @Test
  void showsNoBarForAnOpenEndedRun() {
    assertEquals("1,234 sent  100 msg/s  errors 0",
        bar(OptionalLong.empty(), Optional.empty()).line(1_234, 100, 0, 5_000_000_000L));
  }
}
