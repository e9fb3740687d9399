package io.netroi.attribution;

import static io.netroi.attribution.AttributionRows.colleagueMsg;
import static io.netroi.attribution.AttributionRows.d;
import static io.netroi.attribution.AttributionRows.generic;
import static io.netroi.attribution.AttributionRows.intro;
import static io.netroi.attribution.AttributionRows.invitation;
import static io.netroi.attribution.AttributionRows.msg;
import static io.netroi.attribution.AttributionRows.msgIn;
import static io.netroi.attribution.AttributionRows.outcome;

import io.netroi.relationships.Observation;
import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The attribution tests' small ingest world: members, interactions, invitations, introductions, outcomes. */
abstract class JourneyFixtures extends SparkTestBase {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  /** m1 (Sales) and m2 (Ops) consent, in UTC; m3 does not consent. */
  Dataset<Row> windows() {
    return Observation.windows(df(AttributionRows.MEMBERS,
        row("m1", "Sales", "UTC", true, d("2026-06-30")),
        row("m2", "Ops", "UTC", true, d("2026-06-30")),
        row("m3", "Ops", "UTC", false, d("2026-06-30"))), AS_OF);
  }

  Dataset<Row> interactions() {
    return df(Tables.schema("interactions"),
        msg("m1", "c1", "2026-03-01T10:00:00Z", "out", true, true), // pitch wins over social
        generic("m2", "c1", "2026-03-05T10:00:00Z", "email"),
        msg("m1", "c1", "2026-03-10T10:00:00Z", "in", false, false),
        msg("m1", "c1", "2025-01-01T10:00:00Z", "out", false, true), // outside o1's window
        msg("m3", "c1", "2026-03-02T10:00:00Z", "out", false, false), // m3 does not consent
        colleagueMsg("m1", "m2x", "2026-03-02T10:00:00Z"),
        msg("m1", "c1", "2026-07-01T10:00:00Z", "out", false, false), // after observed_end
        msgIn("m2", "c3", "2026-02-01T09:00:00Z", "k3"), // i1's introduction message: the intro touch instead
        msg("m2", "c3", "2026-02-02T09:00:00Z", "out", false, false),
        msg("m1", "c4", "2026-05-01T12:00:00Z", "out", false, false),
        msg("m1", "c7", "2024-05-01T12:00:00Z", "out", false, false),
        msg("m2", "x", "2026-06-10T12:00:00Z", "out", false, false));
  }

  Dataset<Row> invitations() {
    return df(Tables.schema("invitations"),
        invitation("m2", "c1", "2026-02-01T08:00:00Z", "in", true),
        invitation("m1", "c8", "2026-02-01T08:00:00Z", "out", false));
  }

  Dataset<Row> introductions() {
    return df(Tables.schema("introductions"),
        intro("m2", "k3", "2026-02-01T09:00:00Z", "i1", "c3"),
        intro("m1", "k9", "2025-01-15T09:00:00Z", "i3", "y"), // y never converts
        intro("m1", "k9", "2026-07-02T09:00:00Z", "i4", "z"), // after m1's observed_end
        intro("m3", "k8", "2026-06-01T09:00:00Z", "i4", "w")); // m3 does not consent
  }

  Dataset<Row> outcomes() {
    return df(Tables.schema("outcomes"),
        outcome("o1", "100.00", "2026-03-10", "m1", "c1", null),
        outcome("o2", "200.00", "2026-04-01", "m1", "c2", "i9"), // introducer-only journey
        outcome("o3", "300.00", "2026-03-01", "m2", "c3", "i5"), // detected introduction wins over the CRM's
        outcome("o4", "400.00", "2026-05-31", "m1", "c4", "i2"), // CRM introducer before the first touch
        outcome("o5", "50.00", "2026-03-01", "m1", null, null),
        outcome("o6", "60.00", "2026-03-01", "m9", "c6", null),
        outcome("o7", "70.00", "2026-03-01", "m1", "c7", null));
  }

  Dataset<Row> touchpoints() {
    return Touchpoints.of(interactions(), invitations(), introductions(), windows());
  }

  /** Each row's columns joined by |, as a set. */
  static Set<String> strings(Dataset<Row> df, String... cols) {
    return df.collectAsList().stream()
        .map(r -> java.util.Arrays.stream(cols).map(c -> String.valueOf((Object) r.getAs(c)))
            .collect(Collectors.joining("|")))
        .collect(Collectors.toSet());
  }
}
