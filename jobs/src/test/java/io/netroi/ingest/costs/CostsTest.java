package io.netroi.ingest.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.ingest.Problem;
import io.netroi.ingest.roster.Roster;
import io.netroi.io.InputFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostsTest {
  static final List<Roster.Member> MEMBERS = List.of(
      new Roster.Member("m1", null, "Sales", null, "UTC", true, 2),
      new Roster.Member("m2", null, "Ops", null, "UTC", false, 3));

  static InputFiles input(Path dir) {
    return new InputFiles(new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration());
  }

  @Test
  void everyRowIsKeptOrRejectedWithItsLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("costs.csv"), String.join("\n",
        "member_id,quarter,hours,cost",
        "m1,2026-Q1,12.5,1500",
        "m2,FY2027-Q1,,99.999",
        "m9,2026-Q1,1,1",
        "m1,2026-Q5,1,1",
        "m1,2026-Q2,-3,1",
        "m1,2026-Q2,,",
        "m1,2026-Q2,1",
        "m1,2026-Q3,2,abc"), StandardCharsets.UTF_8);
    Costs.Loaded c = Costs.read(input(dir), MEMBERS);
    assertEquals(List.of(new Costs.Cost("m1", "2026-Q1", 12.5, new BigDecimal("1500.00")),
        new Costs.Cost("m2", "FY2027-Q1", null, new BigDecimal("100.00"))), c.rows());
    assertEquals(List.of(
        new Problem(null, "costs.csv", 2, null), new Problem(null, "costs.csv", 3, null),
        new Problem(null, "costs.csv", 4, "rejected:unknown_member"),
        new Problem(null, "costs.csv", 5, "rejected:invalid_value"),
        new Problem(null, "costs.csv", 6, "rejected:invalid_value"),
        new Problem(null, "costs.csv", 7, "rejected:malformed_row"),
        new Problem(null, "costs.csv", 8, "rejected:malformed_row"),
        new Problem(null, "costs.csv", 9, "rejected:invalid_value")), c.ledger());
  }

  @Test
  void noFileMeansNoRowsAndNothingInTheLedger(@TempDir Path dir) {
    Costs.Loaded c = Costs.read(input(dir), MEMBERS);
    assertEquals(List.of(), c.rows());
    assertEquals(List.of(), c.ledger());
  }
}
