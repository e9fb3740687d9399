package io.netroi.generate;

/**
 * What the ingest job must do with a written row, decided when the row is made: kept, excluded
 * for a reason, or rejected for a reason (reason names as in docs/inputs.md).
 */
record Fate(Kind kind, String reason) {
  enum Kind { KEPT, EXCLUDED, REJECTED }

  static final Fate KEPT = new Fate(Kind.KEPT, null);
  static final Fate ERASED = excluded("erased");
  static final Fate SPAM = excluded("spam");
  static final Fate DRAFT = excluded("draft");
  static final Fate SYSTEM = excluded("system");
  static final Fate SPONSORED = excluded("sponsored");
  static final Fate LINKEDIN_MEMBER = excluded("linkedin_member");
  static final Fate LARGE_GROUP = excluded("large_group");
  static final Fate DUPLICATE = excluded("duplicate");
  static final Fate EMPTY_ROW = excluded("empty_row");
  static final Fate NO_CONSENT = excluded("no_consent");
  static final Fate NOT_WON = excluded("not_won");
  static final Fate MALFORMED = rejected("malformed_row");
  static final Fate BAD_DATE = rejected("unparseable_date");
  static final Fate UNIDENTIFIABLE = rejected("unidentifiable_contact");
  static final Fate UNKNOWN_CURRENCY = rejected("unknown_currency");

  static Fate excluded(String reason) {
    return new Fate(Kind.EXCLUDED, reason);
  }

  static Fate rejected(String reason) {
    return new Fate(Kind.REJECTED, reason);
  }

  boolean kept() {
    return kind == Kind.KEPT;
  }
}
