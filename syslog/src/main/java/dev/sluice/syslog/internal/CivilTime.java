package dev.sluice.syslog.internal;

/**
 * Proleptic Gregorian date arithmetic without allocation or exceptions (the parsers validate
 * fields first and must not throw). Algorithms from Howard Hinnant's "chrono-compatible
 * low-level date algorithms".
 */
public final class CivilTime {

  private CivilTime() {}

  public static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  public static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 for a valid date. */
  public static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  public static int yearOfEpochDay(long epochDay) {
    return (int) (yearMonthOfEpochDay(epochDay) >> 4);
  }

  public static int monthOfEpochDay(long epochDay) {
    return (int) (yearMonthOfEpochDay(epochDay) & 15);
  }

  /** {@code year << 4 | month} of a day since 1970-01-01. */
  private static long yearMonthOfEpochDay(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year << 4 | month;
  }
}
