package io.netroi.cohorts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Org, team and member scopes (design.md "Table contract"): every row of a member's data is
 * counted once in each of the three scopes it belongs to.
 */
public final class Scopes {
  public static final String ORG = "org";
  public static final String TEAM = "team";
  public static final String MEMBER = "member";

  private Scopes() {}

  /**
   * Each input row three times, with {@code scope} and {@code scope_id}: (org, orgName),
   * (team, team) and (member, member_id). Rows of a member without a team get the team scope id
   * {@code (no team)}. Needs columns member_id and team.
   */
  public static Dataset<Row> explode(Dataset<Row> rows, String orgName) {
    Column team = org.apache.spark.sql.functions.coalesce(col("team"), lit("(no team)"));
    Column scopes = array(
        struct(lit(ORG).as("scope"), lit(orgName).as("scope_id")),
        struct(lit(TEAM).as("scope"), team.as("scope_id")),
        struct(lit(MEMBER).as("scope"), col("member_id").as("scope_id")));
    return rows.withColumn("_scope", org.apache.spark.sql.functions.explode(scopes))
        .withColumn("scope", col("_scope.scope"))
        .withColumn("scope_id", col("_scope.scope_id"))
        .drop("_scope");
  }
}
