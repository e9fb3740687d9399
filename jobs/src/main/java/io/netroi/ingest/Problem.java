package io.netroi.ingest;

import java.io.Serializable;

/**
 * A row (or, with row 0, a whole file) that was rejected or excluded, found on the driver.
 * {@code metric} is the data_quality metric, e.g. {@code rejected:unknown_currency}.
 */
public record Problem(String memberId, String sourceFile, long rowNumber, String metric) implements Serializable {}
