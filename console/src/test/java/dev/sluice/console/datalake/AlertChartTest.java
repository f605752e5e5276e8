package dev.sluice.console.datalake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertChartTest {

  private static final Instant NOW = Instant.parse("2026-11-27T18:25:00Z");

  @Test
  void dayWindowHasTwentyFourHourlyBucketsEndingWithTheCurrentHour() {
    AlertChart.Window day = AlertChart.Window.DAY;
    assertEquals(24, day.buckets());
    assertEquals(Instant.parse("2026-11-26T19:00:00Z"), day.start(NOW));
    AlertChart.Window week = AlertChart.Window.WEEK;
    assertEquals(28, week.buckets());
    assertEquals(Instant.parse("2026-11-21T00:00:00Z"), week.start(NOW));
  }

  @Test
  void emptyBucketsAreZeroAndBarsScaleToTheBusiestOne() {
    long lastHour = Instant.parse("2026-11-27T18:00:00Z").getEpochSecond();
    long earlier = Instant.parse("2026-11-27T10:00:00Z").getEpochSecond();
    AlertChart chart = AlertChart.of(AlertChart.Window.DAY, NOW, Map.of(lastHour, 37L, earlier, 3L));
    assertEquals(24, chart.bars().size());
    assertEquals(40, chart.total());
    assertEquals(37, chart.max());
    assertEquals(37, chart.bars().get(23).count());
    assertEquals(0, chart.bars().get(0).count());
    assertEquals(0.0, chart.bars().get(0).height());
    assertTrue(chart.bars().get(23).height() > chart.bars().get(15).height());
    assertEquals("40", chart.yTicks().get(4).label(), "axis rounded up to a nice number");
    assertTrue(chart.bars().get(23).tooltip().startsWith("37 alerts · Nov 27, 18:00–19:00 UTC"),
        chart.bars().get(23).tooltip());
  }

  @Test
  void axisStepsAreRoundNumbers() {
    assertEquals(1, AlertChart.niceStep(1));
    assertEquals(2, AlertChart.niceStep(2));
    assertEquals(5, AlertChart.niceStep(3));
    assertEquals(10, AlertChart.niceStep(10));
    assertEquals(25, AlertChart.niceStep(21));
    assertEquals(250, AlertChart.niceStep(250));
    assertEquals(500, AlertChart.niceStep(251));
    assertEquals("12k", AlertChart.compact(12_000));
    assertEquals("1.5M", AlertChart.compact(1_500_000));
    assertEquals("9,999", AlertChart.compact(9_999));
  }

  @Test
  void csvQuotesSeparatorsAndDefusesFormulas() {
    StringBuilder out = new StringBuilder();
    Csv.appendRow(out, java.util.Arrays.asList("a,b", "say \"hi\"", null, "=cmd()", "-12.5", "plain"));
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",,'=cmd(),-12.5,plain\r\n", out.toString());
    assertEquals(List.of(), List.of());
  }
}
