package io.netroi.ingest.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netroi.ingest.roster.Roster;
import io.netroi.ingest.roster.SimpleCsv;
import io.netroi.io.InputFiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeReaderTest {
  static final List<Roster.Member> MEMBERS = List.of(
      new Roster.Member("m01", "Priya Shah", "Recruiting", null, "Europe/London", true, 2),
      new Roster.Member("m02", "Tom Berg", "Sales", null, "America/New_York", true, 3));
  static final FxRates FX = new FxRates("USD", Map.of(
      "EUR|", new BigDecimal("1.10"), "GBP|", new BigDecimal("1.25"), "GBP|2026-Q3", new BigDecimal("1.30")));
  static final OutcomeReader.Context CTX = new OutcomeReader.Context(MEMBERS, FX,
      Map.of("hubspot_deals", Set.of("closedwon"), "salesforce_opportunities", Set.of("closed won")));

  static SimpleCsv.Table table(String name, String text) {
    return SimpleCsv.parse(new InputFiles.TextFile(name, text, "UTF-8", text.length(), "x"));
  }

  @Test
  void canonicalRowsConvertToTheReportingCurrencyWithQuarterRates() {
    String text = "outcome_id,type,value,currency,closed_on,owner_member_id,contact_profile_url,contact_email,"
        + "contact_name,contact_company,introduced_by_profile_url,introduced_by_email,introduced_by_name,source\n"
        + "o1,placement,\"12,000.50\",GBP,2026-08-03,m01,https://www.linkedin.com/in/ana,,,,,,Ben Ode,referral\n"
        + "o2,deal,5000,GBP,2026-01-15,m02,,ana@example.com,,,,,,\n"
        + "o3,deal,100,JPY,2026-01-15,m02,,,Ana Souza,Globex,,,,\n"
        + "o4,deal,abc,USD,2026-01-15,m02,,,,,,,,\n"
        + "o5,deal,10,USD,15/13/2026,m02,,,,,,,,\n"
        + "o6,deal,10,USD,2026-01-15,m99,,,,,,,,\n";
    SimpleCsv.Table t = table("outcomes.csv", text);
    assertEquals(OutcomeFormat.CANONICAL, OutcomeReader.detect(t.columns(), null));
    List<OutcomeRow> rows = OutcomeReader.read(t, OutcomeFormat.CANONICAL, CTX);
    assertNull(rows.get(0).problem());
    assertEquals(new BigDecimal("12000.50"), rows.get(0).value());
    assertEquals(new BigDecimal("15600.65"), rows.get(0).valueReporting(), "2026-Q3 GBP rate 1.30");
    assertEquals("Ben Ode", rows.get(0).introducedByName());
    assertEquals(new BigDecimal("6250.00"), rows.get(1).valueReporting(), "undated GBP rate 1.25");
    assertEquals("rejected:unknown_currency", rows.get(2).problem());
    assertEquals("rejected:invalid_value", rows.get(3).problem());
    assertEquals("rejected:unparseable_date", rows.get(4).problem());
    assertEquals("rejected:unknown_member", rows.get(5).problem());
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), rows.stream().map(OutcomeRow::rowNumber).toList());
  }

  @Test
  void hubspotDealsKeepClosedWonAndSplitTheAssociatedContact() {
    String text = "Record ID,Deal Name,Deal Stage,Pipeline,Amount,Deal Currency Code,Close Date,Create Date,"
        + "Deal owner,Associated Contact,Associated Company,LinkedIn URL,Introduced By\n"
        + "9001,Acme renewal,closedwon,default,2500,EUR,2025-03-14 10:00,2025-01-02 09:00,Priya Shah,"
        + "Ana Souza (ana@example.com),Globex,,https://www.linkedin.com/in/ben-ode\n"
        + "9002,Beta,closedlost,default,900,EUR,2025-03-20 10:00,2025-01-02 09:00,Tom Berg,Bo Li,Initech,,\n";
    SimpleCsv.Table t = table("outcomes/hubspot-deals.csv", text);
    OutcomeFormat f = OutcomeReader.detect(t.columns(), null);
    assertEquals(OutcomeFormat.HUBSPOT, f);
    List<OutcomeRow> rows = OutcomeReader.read(t, f, CTX);
    OutcomeRow won = rows.get(0);
    assertNull(won.problem());
    assertEquals("m01", won.ownerMemberId(), "owner found by display name");
    assertEquals("Ana Souza", won.contactName());
    assertEquals("ana@example.com", won.contactEmail());
    assertEquals("Globex", won.contactCompany());
    assertEquals("https://www.linkedin.com/in/ben-ode", won.introducedByProfileUrl());
    assertEquals(LocalDate.of(2025, 3, 14), won.closedOn());
    assertEquals(new BigDecimal("2750.00"), won.valueReporting());
    assertEquals("deal", won.type());
    assertEquals("excluded:not_won", rows.get(1).problem());
  }

  @Test
  void salesforceOpportunityReport() {
    String text = "Opportunity ID,Opportunity Name,Stage,Amount,Opportunity Currency,Close Date,Opportunity Owner,"
        + "Account Name,Primary Contact,Contact Email,Lead Source\n"
        + "006A,Big deal,Closed Won,\"$1,200.00\",USD,3/31/2026,Tom Berg,Initech,Bo Li,bo@initech.example,Referral\n"
        + "006B,Lost,Closed Lost,10,USD,3/31/2026,Tom Berg,Initech,Bo Li,,Web\n";
    SimpleCsv.Table t = table("outcomes/sf.csv", text);
    OutcomeFormat f = OutcomeReader.detect(t.columns(), null);
    assertEquals(OutcomeFormat.SALESFORCE, f);
    List<OutcomeRow> rows = OutcomeReader.read(t, f, CTX);
    assertEquals(new BigDecimal("1200.00"), rows.get(0).value());
    assertEquals("m02", rows.get(0).ownerMemberId());
    assertEquals(LocalDate.of(2026, 3, 31), rows.get(0).closedOn());
    assertEquals("Referral", rows.get(0).source());
    assertEquals("excluded:not_won", rows.get(1).problem());
  }

  @Test
  void duplicateOutcomeIdsAcrossFilesAreCountedOnce() {
    OutcomeRow a = new OutcomeRow("outcomes.csv", 2, "canonical", "o1", "deal", BigDecimal.ONE, "USD",
        BigDecimal.ONE, LocalDate.of(2026, 1, 1), "m01", null, null, null, null, null, null, null, null, null);
    OutcomeRow b = new OutcomeRow("outcomes/x.csv", 2, "canonical", "o1", "deal", BigDecimal.ONE, "USD",
        BigDecimal.ONE, LocalDate.of(2026, 1, 1), "m01", null, null, null, null, null, null, null, null, null);
    List<OutcomeRow> out = Outcomes.markDuplicateIds(List.of(a, b));
    assertNull(out.get(0).problem());
    assertEquals("excluded:duplicate", out.get(1).problem());
  }

  @Test
  void aUserMappingFileMapsAnyLayout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path mapping = dir.resolve("pipedrive.properties");
    java.nio.file.Files.writeString(mapping, "name=pipedrive\n"
        + "column.outcome_id=Deal ID\ncolumn.value=Deal value\ncolumn.currency=Currency\n"
        + "column.closed_on=Won time\ncolumn.owner_member_id=Owner\ncolumn.contact_email=Person email\n"
        + "constant.type=deal\nstage.column=Status\nwon.stages=won\ndate.formats=dd.MM.yyyy|yyyy-MM-dd\n");
    OutcomeFormat f = Outcomes.userFormat(mapping);
    SimpleCsv.Table t = table("outcomes/pipedrive.csv", "Deal ID,Deal value,Currency,Won time,Owner,Person email,Status\n"
        + "77,300,EUR,02.03.2026,Tom Berg,bo@initech.example,won\n"
        + "78,300,EUR,02.03.2026,Tom Berg,bo@initech.example,lost\n");
    assertEquals(f, OutcomeReader.detect(t.columns(), f));
    List<OutcomeRow> rows = OutcomeReader.read(t, f, CTX);
    assertNull(rows.get(0).problem());
    assertEquals(LocalDate.of(2026, 3, 2), rows.get(0).closedOn());
    assertEquals(new BigDecimal("330.00"), rows.get(0).valueReporting());
    assertEquals("bo@initech.example", rows.get(0).contactEmail());
    assertEquals("excluded:not_won", rows.get(1).problem());
  }
}
