package io.netroi.ingest.outcomes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One CRM row in canonical form, with the reason it cannot be used (null when it can). */
public record OutcomeRow(
    String sourceFile, long rowNumber, String format, String outcomeId, String type, BigDecimal value,
    String currency, BigDecimal valueReporting, LocalDate closedOn, String ownerMemberId,
    String contactProfileUrl, String contactEmail, String contactName, String contactCompany,
    String introducedByProfileUrl, String introducedByEmail, String introducedByName, String source,
    String problem) implements Serializable {}
