package io.netroi.relationships;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The ingest tables a relationship stage reads (as read from Parquet, columns per schemas/). */
public record RelationshipInputs(Dataset<Row> interactions, Dataset<Row> connections,
    Dataset<Row> invitations, Dataset<Row> introductions) {}
