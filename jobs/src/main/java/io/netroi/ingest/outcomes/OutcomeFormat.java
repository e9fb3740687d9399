package io.netroi.ingest.outcomes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CRM file layout mapped to canonical outcome fields. Columns are matched by normalised header
 * key (lower case, spaces as underscores; see SimpleCsv.key); for each canonical field the first
 * listed column present is used.
 *
 * @param name label recorded per file in the run manifest
 * @param signature columns whose presence identifies the layout
 * @param columns canonical field -> candidate source columns
 * @param constants canonical field -> fixed value (e.g. type=deal)
 * @param stageColumn column holding the pipeline stage, or null when every row is an outcome
 * @param dateFormats java.time patterns for closed_on, tried in order
 * @param ownerByName whether the owner column holds a display name to look up in the roster
 * @param wonStages stages (lower case) that count as an outcome, unless configuration names others
 */
public record OutcomeFormat(String name, Set<String> signature, Map<String, List<String>> columns,
    Map<String, String> constants, String stageColumn, List<String> dateFormats, boolean ownerByName,
    Set<String> wonStages) {

  static final List<String> CANONICAL_FIELDS = List.of("outcome_id", "type", "value", "currency", "closed_on",
      "owner_member_id", "contact_profile_url", "contact_email", "contact_name", "contact_company",
      "introduced_by_profile_url", "introduced_by_email", "introduced_by_name", "source");

  /** design.md's outcomes.csv. */
  static final OutcomeFormat CANONICAL = new OutcomeFormat("canonical",
      Set.of("outcome_id", "type", "value", "closed_on", "owner_member_id"),
      identity(), Map.of(), null, List.of("yyyy-MM-dd", "d/M/yyyy", "M/d/yyyy"), false, Set.of());

  /** A HubSpot deals export (UI labels); the contact columns are HubSpot's associated-record columns. */
  static final OutcomeFormat HUBSPOT = new OutcomeFormat("hubspot_deals",
      Set.of("record_id", "deal_stage", "amount", "close_date"),
      Map.ofEntries(
          Map.entry("outcome_id", List.of("record_id")),
          Map.entry("value", List.of("amount", "amount_in_company_currency")),
          Map.entry("currency", List.of("deal_currency_code", "currency")),
          Map.entry("closed_on", List.of("close_date")),
          Map.entry("owner_member_id", List.of("deal_owner")),
          Map.entry("associated_contact", List.of("associated_contact", "associated_contacts", "contact")),
          Map.entry("contact_company", List.of("associated_company", "associated_companies", "company_name")),
          Map.entry("contact_profile_url", List.of("linkedin_url", "contact_linkedin_url")),
          Map.entry("introduced_by", List.of("introduced_by", "referred_by")),
          Map.entry("source", List.of("original_source", "original_source_type", "source"))),
      Map.of("type", "deal"), "deal_stage",
      List.of("yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "M/d/yyyy", "M/d/yyyy H:mm"), true,
      Set.of("closedwon"));

  /** A Salesforce opportunity report (column labels). */
  static final OutcomeFormat SALESFORCE = new OutcomeFormat("salesforce_opportunities",
      Set.of("stage", "amount", "close_date"),
      Map.ofEntries(
          Map.entry("outcome_id", List.of("opportunity_id", "opportunity_name")),
          Map.entry("value", List.of("amount")),
          Map.entry("currency", List.of("opportunity_currency", "amount_currency", "currency")),
          Map.entry("closed_on", List.of("close_date")),
          Map.entry("owner_member_id", List.of("opportunity_owner", "owner")),
          Map.entry("contact_name", List.of("primary_contact", "contact_name", "contact")),
          Map.entry("contact_email", List.of("contact_email", "email")),
          Map.entry("contact_company", List.of("account_name")),
          Map.entry("contact_profile_url", List.of("linkedin_url", "contact_linkedin_url")),
          Map.entry("introduced_by", List.of("referred_by", "introduced_by")),
          Map.entry("source", List.of("lead_source"))),
      Map.of("type", "deal"), "stage",
      List.of("M/d/yyyy", "yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy"), true,
      Set.of("closed won"));

  static final List<OutcomeFormat> BUILT_IN = List.of(CANONICAL, HUBSPOT, SALESFORCE);

  boolean matches(List<String> header) {
    return header.containsAll(signature);
  }

  private static Map<String, List<String>> identity() {
    java.util.LinkedHashMap<String, List<String>> m = new java.util.LinkedHashMap<>();
    CANONICAL_FIELDS.forEach(f -> m.put(f, List.of(f)));
    return m;
  }
}
