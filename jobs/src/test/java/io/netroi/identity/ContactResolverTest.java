package io.netroi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netroi.config.NetroiConfig;
import io.netroi.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Identity-resolution rules on small hand-made inputs. Expected keys are computed by hand from
 * the identifier that should be each contact's basis: {@code HMAC(key, "<type>:<value>")}.
 */
class ContactResolverTest extends SparkTestBase {
  static final byte[] KEY = "resolver-test-key".getBytes(StandardCharsets.UTF_8);
  static final StructType OCCURRENCES = new StructType()
      .add("record_id", DataTypes.StringType)
      .add("scope", DataTypes.StringType)
      .add("url", DataTypes.StringType)
      .add("email", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("company", DataTypes.StringType);

  static final String U1 = "https://linkedin.com/in/u1";
  static final String U2 = "https://linkedin.com/in/u2";

  /** record_id, scope, url, email, name, company. */
  private Dataset<Row> occurrences(Object[]... rows) {
    return df(OCCURRENCES, rows);
  }

  private static Object[] rec(String id, String scope, String url, String email, String name, String company) {
    return row(id, scope, url, email, name, company);
  }

  private static String h(String identifier) {
    return Pseudonyms.hmacHex(KEY, identifier);
  }

  private Resolution resolve(Dataset<Row> occurrences) {
    return ContactResolver.resolve(occurrences, KEY, NetroiConfig.defaults());
  }

  /** record_id -> [contact_key, key_basis, component_size]. */
  private static Map<String, List<Object>> keys(Resolution r) {
    Map<String, List<Object>> m = new TreeMap<>();
    for (Row row : r.keys().collectAsList()) {
      List<Object> previous = m.put(row.getString(0), List.of(row.getString(1), row.getString(2), row.getLong(3)));
      Assertions.assertNull(previous, "one key row per record: " + row.getString(0));
    }
    return m;
  }

  private static List<Object> key(String identifier, String basis, long size) {
    return List.of(h(identifier), basis, size);
  }

  @Test
  void outputColumnsAndCounters() {
    Resolution r = resolve(occurrences(rec("a", "m01", U1, null, null, null)));
    assertEquals(List.of("record_id", "contact_key", "key_basis", "component_size"), List.of(r.keys().columns()));
    assertEquals(List.of("identifier", "contact_key", "is_linking"), List.of(r.identifierKeys().columns()));
    assertEquals(List.of("records", "unidentified_records", "identifiers", "components", "ambiguous:email",
        "ambiguous:name_company", "ambiguous:scoped_name", "ambiguous_links", "refused_links",
        "split_components", "max_component_size", "giant_components"), List.copyOf(r.stats().asMap().keySet()));
  }

  /** A 2021 Connections.csv row (name + company, no URL) meets the sender URL of a message in the same export. */
  @Test
  void scopedNameLinksAConnectionWithoutUrlToAMessageSender() {
    Resolution r = resolve(occurrences(
        rec("m01/connections/4", "m01", null, null, "ana lima", "acme"),
        rec("m01/messages/9/from", "m01", U1, null, "ana lima", null),
        // the same name in another export does not link through the scoped name
        rec("m02/connections/7", "m02", null, null, "ana lima", null)));
    // url, scoped_name m01|ana lima, name_company ana lima|acme
    List<Object> expected = key("url:" + U1, "url", 3);
    assertEquals(Map.of(
        "m01/connections/4", expected,
        "m01/messages/9/from", expected,
        "m02/connections/7", key("scoped_name:m02|ana lima", "scoped_name", 1)), keys(r));
  }

  @Test
  void crmNameAndCompanyMeetTheConnectionBehindThem() {
    Resolution r = resolve(occurrences(
        rec("crm/outcomes/3/contact", "crm", null, null, "bo chen", "globex"),
        rec("m02/connections/5", "m02", U1, null, "bo chen", "globex")));
    // url, name_company, scoped_name m02|bo chen, scoped_name crm|bo chen
    List<Object> expected = key("url:" + U1, "url", 4);
    assertEquals(Map.of("crm/outcomes/3/contact", expected, "m02/connections/5", expected), keys(r));
  }

  @Test
  void samePersonInTwoMembersExportsIsOneContact() {
    Resolution r = resolve(occurrences(
        rec("m01/connections/2", "m01", U1, null, "carla diaz", "initech"),
        rec("m02/connections/8", "m02", U1, null, "carla diaz", "umbrella"),
        rec("m03/messages/1/to", "m03", U1, null, "carla d", null)));
    // url, two name_company, three scoped names
    List<Object> expected = key("url:" + U1, "url", 6);
    assertEquals(Map.of("m01/connections/2", expected, "m02/connections/8", expected, "m03/messages/1/to", expected), keys(r));
    assertEquals(1, r.stats().components());
  }

  @Test
  void twoUrlsWithTheSameNameAndCompanyStayTwoPeople() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", U1, null, "dan fox", "initech"),
        rec("m02/c/1", "m02", U2, null, "dan fox", "initech"),
        rec("crm/o/1", "crm", null, null, "dan fox", "initech")));
    assertEquals(Map.of(
        "m01/c/1", key("url:" + U1, "url", 2),
        "m02/c/1", key("url:" + U2, "url", 2),
        // the CRM row's name + company is ambiguous; it keeps its scoped name
        "crm/o/1", key("scoped_name:crm|dan fox", "scoped_name", 1)), keys(r));
    ResolutionStats s = r.stats();
    assertEquals(1, s.ambiguous("name_company"));
    assertEquals(0, s.ambiguous("scoped_name"));
    assertEquals(3, s.ambiguousLinks());
    assertEquals(0, s.splitComponents());
    assertEquals(3, s.components());
  }

  /** url1 - email - name_company - url2: merged transitively, then split at the weakest link needed. */
  @Test
  void aChainJoiningTwoUrlsIsSplit() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", U1, "eve@x.com", null, null),
        rec("m02/c/1", "m02", null, "eve@x.com", "eve ng", "hooli"),
        rec("m03/c/1", "m03", U2, null, "eve ng", "hooli")));
    // without scoped names the chain holds; without name + company it breaks; the email link stays
    assertEquals(Map.of(
        "m01/c/1", key("url:" + U1, "url", 2),
        "m02/c/1", key("url:" + U1, "url", 2),
        "m03/c/1", key("url:" + U2, "url", 1)), keys(r));
    ResolutionStats s = r.stats();
    assertEquals(1, s.splitComponents());
    assertEquals(4, s.refusedLinks(), "m02 and m03 each lose name_company and scoped_name");
    assertEquals(0, s.ambiguousLinks());
  }

  @Test
  void splittingDropsScopedNamesBeforeEmails() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", U1, null, "fay wu", null),
        rec("m01/m/1", "m01", null, "fay@x.com", "fay wu", null),
        rec("m02/c/1", "m02", U2, "fay@x.com", null, null)));
    // U1 - scoped_name m01|fay wu - fay@x.com - U2: dropping the scoped name is enough
    assertEquals(Map.of(
        "m01/c/1", key("url:" + U1, "url", 1),
        "m01/m/1", key("url:" + U2, "url", 2),
        "m02/c/1", key("url:" + U2, "url", 2)), keys(r));
    assertEquals(2, r.stats().refusedLinks());
    assertEquals(1, r.stats().splitComponents());
  }

  @Test
  void aNameWithTwoUrlsInOneScopeIsAmbiguous() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", U1, null, "gil park", null),
        rec("m01/c/2", "m01", U2, null, "gil park", null),
        rec("m01/m/3", "m01", null, null, "gil park", null)));
    assertEquals(Map.of(
        "m01/c/1", key("url:" + U1, "url", 1),
        "m01/c/2", key("url:" + U2, "url", 1),
        "m01/m/3", key("scoped_name:m01|gil park", "scoped_name", 1)), keys(r));
    assertEquals(1, r.stats().ambiguous("scoped_name"));
    assertEquals(0, r.stats().splitComponents(), "ambiguity is decided before linking");
  }

  @Test
  void aNameWithTwoEmailsInOneScopeIsAmbiguous() {
    Resolution r = resolve(occurrences(
        rec("m01/m/1", "m01", null, "a@x.com", "hana ito", null),
        rec("m01/m/2", "m01", null, "b@x.com", "hana ito", null)));
    assertEquals(Map.of(
        "m01/m/1", key("email:a@x.com", "email", 1),
        "m01/m/2", key("email:b@x.com", "email", 1)), keys(r));
    assertEquals(1, r.stats().ambiguous("scoped_name"));
  }

  @Test
  void anEmailWithTwoUrlsIsAmbiguous() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", U1, "team@x.com", null, null),
        rec("m02/c/1", "m02", U2, "team@x.com", null, null),
        rec("m03/c/1", "m03", null, "team@x.com", null, null)));
    assertEquals(Map.of(
        "m01/c/1", key("url:" + U1, "url", 1),
        "m02/c/1", key("url:" + U2, "url", 1),
        "m03/c/1", key("email:team@x.com", "email", 1)), keys(r));
    assertEquals(1, r.stats().ambiguous("email"));
    assertEquals(3, r.stats().ambiguousLinks());
  }

  @Test
  void emailOnlyRecordsAcrossScopesAreOneContact() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", null, "hal@x.com", null, null),
        rec("m02/c/1", "m02", null, "hal@x.com", null, null),
        rec("crm/o/1", "crm", null, "hal@x.com", "hal jordan", "ferris")));
    // email, name_company, scoped_name crm|hal jordan
    List<Object> expected = key("email:hal@x.com", "email", 3);
    assertEquals(Map.of("m01/c/1", expected, "m02/c/1", expected, "crm/o/1", expected), keys(r));
  }

  @Test
  void theKeyBasisIsTheSmallestIdentifierOfTheStrongestType() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", null, "zed@x.com", "ida moss", "umbrella"),
        rec("m02/c/1", "m02", null, "amy@x.com", "ida moss", "umbrella")));
    List<Object> expected = key("email:amy@x.com", "email", 5);
    assertEquals(Map.of("m01/c/1", expected, "m02/c/1", expected), keys(r));
  }

  @Test
  void keysAreStableAndDependOnTheKey() {
    Dataset<Row> input = occurrences(
        rec("a", "m01", U1, null, "jo kim", "acme"),
        rec("b", "crm", null, null, "jo kim", "acme"),
        rec("c", "m02", null, "lee@x.com", null, null));
    Map<String, List<Object>> first = keys(resolve(input));
    Map<String, List<Object>> again = keys(resolve(input));
    assertEquals(first, again);

    Map<String, List<Object>> other = keys(ContactResolver.resolve(input, "another-key".getBytes(StandardCharsets.UTF_8), 200));
    assertEquals(first.keySet(), other.keySet());
    Set<Object> firstKeys = new HashSet<>();
    first.values().forEach(v -> firstKeys.add(v.get(0)));
    for (Map.Entry<String, List<Object>> e : other.entrySet()) {
      Assertions.assertFalse(firstKeys.contains(e.getValue().get(0)), "record " + e.getKey());
      assertEquals(first.get(e.getKey()).subList(1, 3), e.getValue().subList(1, 3));
    }
    assertEquals(other.get("a").get(0), other.get("b").get(0), "same grouping under another key");
    assertNotEquals(other.get("a").get(0), other.get("c").get(0));
  }

  /**
   * A caller may fold identical records of one scope into one row with a {@code records} weight
   * (ingest does so for message contacts): the folded row gets the key its records would get, and
   * the counters count source records, not rows.
   */
  @Test
  void foldedRecordsResolveAsTheRecordsTheyStandFor() {
    Object[][] unfolded = {
        rec("m01/a/1", "m01", U1, null, "kai", null), rec("m01/a/2", "m01", U1, null, "kai", null),
        rec("m01/a/3", "m01", U1, null, "kai", null), rec("m01/b/1", "m01", null, null, "kai", null),
        rec("m02/c/1", "m02", null, null, null, null), rec("m02/c/2", "m02", null, null, null, null)};
    StructType weighted = OCCURRENCES.add(ContactResolver.RECORDS, DataTypes.LongType);
    Resolution folded = resolve(df(weighted,
        row("t1", "m01", U1, null, "kai", null, 3L), row("m01/b/1", "m01", null, null, "kai", null, 1L),
        row("t2", "m02", null, null, null, null, 2L)));
    Resolution plain = resolve(occurrences(unfolded));
    Map<String, List<Object>> plainKeys = keys(plain);
    assertEquals(Map.of("t1", plainKeys.get("m01/a/1"), "m01/b/1", plainKeys.get("m01/b/1")), keys(folded));
    assertEquals(key("url:" + U1, "url", 2), plainKeys.get("m01/b/1"), "the scoped name joins the URL's contact");
    assertEquals(4, folded.stats().records());
    assertEquals(2, folded.stats().unidentifiedRecords());
    assertEquals(plain.stats().asMap(), folded.stats().asMap());
  }

  @Test
  void blankValuesIdentifyNobody() {
    Resolution r = resolve(occurrences(
        rec("a", "m01", "", " ", null, "acme"),
        rec("b", "m01", null, null, "  ", null),
        rec("c", " ", null, null, "kai", null),
        rec("d", "m01", U1, null, null, null)));
    assertEquals(Map.of("d", key("url:" + U1, "url", 1)), keys(r));
    assertEquals(1, r.stats().records());
    assertEquals(3, r.stats().unidentifiedRecords());
  }

  @Test
  void identifierKeysMapEveryIdentifierToItsContacts() {
    Resolution r = resolve(occurrences(
        rec("m01/c/1", "m01", U1, "team@x.com", null, null),
        rec("m02/c/1", "m02", U2, "team@x.com", "lou", null)));
    Map<String, Set<List<Object>>> got = new HashMap<>();
    for (Row row : r.identifierKeys().collectAsList()) {
      got.computeIfAbsent(row.getString(0), k -> new HashSet<>()).add(List.of(row.getString(1), row.getBoolean(2)));
    }
    assertEquals(Map.of(
        "url:" + U1, Set.of(List.of(h("url:" + U1), true)),
        "url:" + U2, Set.of(List.of(h("url:" + U2), true)),
        "scoped_name:m02|lou", Set.of(List.of(h("url:" + U2), true)),
        "email:team@x.com", Set.of(List.of(h("url:" + U1), false), List.of(h("url:" + U2), false))), got);
  }

  @Test
  void componentsAboveTheThresholdAreReported() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(rec("m0" + i + "/c/1", "m0" + i, U1, "p" + i + "@x.com", null, null));
    }
    rows.add(rec("m09/c/1", "m09", U2, null, null, null));
    Resolution r = ContactResolver.resolve(occurrences(rows.toArray(Object[][]::new)), KEY,
        NetroiConfig.defaults().with(ContactResolver.MAX_COMPONENT_IDENTIFIERS, "4"));
    ResolutionStats s = r.stats();
    assertEquals(5, s.maxComponentSize());
    assertEquals(1, s.giantComponents());
    assertEquals(List.of(5L), s.giantComponentSizes());
    assertEquals(4, s.maxComponentIdentifiers());
    assertEquals(2, s.components());
    assertEquals(6, s.identifiers());
    assertEquals(5, s.records());
  }

  @Test
  void missingInputColumnsAreNamed() {
    Dataset<Row> wrong = df(new StructType().add("record_id", DataTypes.StringType).add("url", DataTypes.StringType),
        row("a", U1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(wrong));
    Assertions.assertTrue(e.getMessage().contains("[scope, email, name, company]"), e.getMessage());
  }

}
