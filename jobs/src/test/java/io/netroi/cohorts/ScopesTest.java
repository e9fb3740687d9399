package io.netroi.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ScopesTest extends SparkTestBase {
  @Test
  void everyRowCountsOnceInOrgTeamAndMemberScope() {
    StructType schema = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
        .add("n", DataTypes.IntegerType);
    List<String> got = Scopes.explode(df(schema, row("m1", "Sales", 1), row("m2", null, 2)), "acme")
        .orderBy("n", "scope").collectAsList().stream()
        .map(r -> r.getAs("n") + ":" + r.getAs("scope") + "=" + r.getAs("scope_id")).toList();
    assertEquals(List.of("1:member=m1", "1:org=acme", "1:team=Sales", "2:member=m2", "2:org=acme", "2:team=(no team)"), got);
  }
}
