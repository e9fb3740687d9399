package io.netroi.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The date formats of the real exports, written by hand (no locale-dependent formatter): the
 * output must be identical on every machine, and this is the hot path for millions of rows.
 */
final class Formats {
  private Formats() {}

  static final long DAY = 86_400L;
  static final long HOUR = 3_600L;

  private static final String[] MON = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  private static final String[] MONTH = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  /** {@code 2025-11-17 22:05:06 UTC} (messages.csv since 2021). */
  static String utc(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(23);
    ymd(b, t.toLocalDate(), '-');
    b.append(' ');
    hms(b, t);
    return b.append(" UTC").toString();
  }

  /** {@code 2019-11-06T02:08:20} (2020 messages.csv, UTC). */
  static String iso2020(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(19);
    ymd(b, t.toLocalDate(), '-');
    b.append('T');
    hms(b, t);
    return b.toString();
  }

  /** {@code November 6, 2017, 2:08 AM} in the member's time zone (Inbox.csv). */
  static String inbox(long epochSecond, ZoneId zone) {
    LocalDateTime t = local(epochSecond, zone);
    StringBuilder b = new StringBuilder(28);
    b.append(MONTH[t.getMonthValue() - 1]).append(' ').append(t.getDayOfMonth()).append(", ").append(t.getYear())
        .append(", ");
    clock12(b, t);
    return b.toString();
  }

  /** {@code 3/14/25, 2:37 PM} in the member's time zone (Invitations.csv). */
  static String invitation(long epochSecond, ZoneId zone) {
    LocalDateTime t = local(epochSecond, zone);
    StringBuilder b = new StringBuilder(18);
    b.append(t.getMonthValue()).append('/').append(t.getDayOfMonth()).append('/');
    two(b, t.getYear() % 100);
    b.append(", ");
    clock12(b, t);
    return b.toString();
  }

  /** {@code 15 Nov 2025} (Connections.csv). */
  static String connectedOn(LocalDate d) {
    StringBuilder b = new StringBuilder(11);
    two(b, d.getDayOfMonth());
    return b.append(' ').append(MON[d.getMonthValue() - 1]).append(' ').append(d.getYear()).toString();
  }

  /** {@code 01-Jul-17} (Connections.csv after an Excel re-save). */
  static String excel(LocalDate d) {
    StringBuilder b = new StringBuilder(9);
    two(b, d.getDayOfMonth());
    b.append('-').append(MON[d.getMonthValue() - 1]).append('-');
    two(b, d.getYear() % 100);
    return b.toString();
  }

  /** {@code 2025-03-14} */
  static String isoDate(LocalDate d) {
    StringBuilder b = new StringBuilder(10);
    ymd(b, d, '-');
    return b.toString();
  }

  /** {@code 2025-03-14T10:00:00+01:00} or {@code ...Z} for a zero offset (interactions). */
  static String isoOffset(long epochSecond, ZoneId zone) {
    ZoneOffset off = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, off);
    StringBuilder b = new StringBuilder(25);
    ymd(b, t.toLocalDate(), '-');
    b.append('T');
    hms(b, t);
    return b.append(off.getTotalSeconds() == 0 ? "Z" : off.getId()).toString();
  }

  /** {@code 2025-03-14 10:00} (HubSpot Close Date / Create Date). */
  static String hubspot(LocalDateTime t) {
    StringBuilder b = new StringBuilder(16);
    ymd(b, t.toLocalDate(), '-');
    b.append(' ');
    two(b, t.getHour());
    b.append(':');
    two(b, t.getMinute());
    return b.toString();
  }

  /** {@code MM-DD-YYYY} as in export archive names. */
  static String archiveDate(LocalDate d) {
    StringBuilder b = new StringBuilder(10);
    two(b, d.getMonthValue());
    b.append('-');
    two(b, d.getDayOfMonth());
    return b.append('-').append(d.getYear()).toString();
  }

  static LocalDateTime local(long epochSecond, ZoneId zone) {
    return LocalDateTime.ofEpochSecond(epochSecond, 0, zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)));
  }

  static LocalDate localDate(long epochSecond, ZoneId zone) {
    return local(epochSecond, zone).toLocalDate();
  }

  /** Epoch second of local midnight starting {@code d} in {@code zone}. */
  static long startOf(LocalDate d, ZoneId zone) {
    return d.atStartOfDay(zone).toEpochSecond();
  }

  private static void ymd(StringBuilder b, LocalDate d, char sep) {
    b.append(d.getYear()).append(sep);
    two(b, d.getMonthValue());
    b.append(sep);
    two(b, d.getDayOfMonth());
  }

  private static void hms(StringBuilder b, LocalDateTime t) {
    two(b, t.getHour());
    b.append(':');
    two(b, t.getMinute());
    b.append(':');
    two(b, t.getSecond());
  }

  private static void clock12(StringBuilder b, LocalDateTime t) {
    int h = t.getHour() % 12;
    b.append(h == 0 ? 12 : h).append(':');
    two(b, t.getMinute());
    b.append(t.getHour() < 12 ? " AM" : " PM");
  }

  private static void two(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    b.append(v);
  }
}
