package io.netroi.kpis;

import io.netroi.relationships.RelationshipInputs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the kpis stage reads (tables as read from Parquet, columns per schemas/).
 *
 * @param windows {@link io.netroi.relationships.Observation#windows}
 * @param inputs the ingest interactions, connections, invitations and introductions
 * @param relationshipQuarters the relationship_quarters table
 * @param contacts the contacts table (company per contact_key)
 * @param attributionSummary the attribution_summary table
 * @param costs the costs table (empty when the input had no costs.csv)
 * @param members the members table (team of every rostered member)
 */
public record KpiInputs(Dataset<Row> windows, RelationshipInputs inputs, Dataset<Row> relationshipQuarters,
    Dataset<Row> contacts, Dataset<Row> attributionSummary, Dataset<Row> costs, Dataset<Row> members) {}
