package io.netroi.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of one identity resolution, for the run log and the data-quality table.
 *
 * @param records source records with at least one identifier (the sum of the input's {@code records})
 * @param unidentifiedRecords records without any identifier: they get no contact
 * @param identifiers distinct identifiers
 * @param components contacts (distinct {@code contact_key})
 * @param ambiguousIdentifiers ambiguous identifiers by type ({@code email}, {@code name_company},
 *     {@code scoped_name}); they link nothing
 * @param ambiguousLinks record-identifier pairs not used for linking because the identifier is
 *     ambiguous
 * @param refusedLinks record-identifier pairs not used for linking because they would have merged
 *     two profile URLs (dropped while splitting)
 * @param splitComponents components that held two or more profile URLs before splitting
 * @param maxComponentSize identifiers in the largest contact
 * @param maxComponentIdentifiers the configured warning threshold
 * @param giantComponents contacts holding more identifiers than the threshold
 * @param giantComponentSizes their sizes, largest first (at most 20)
 */
public record ResolutionStats(
    long records,
    long unidentifiedRecords,
    long identifiers,
    long components,
    Map<String, Long> ambiguousIdentifiers,
    long ambiguousLinks,
    long refusedLinks,
    long splitComponents,
    long maxComponentSize,
    int maxComponentIdentifiers,
    long giantComponents,
    List<Long> giantComponentSizes) {

  public ResolutionStats {
    ambiguousIdentifiers = Map.copyOf(ambiguousIdentifiers);
    giantComponentSizes = List.copyOf(giantComponentSizes);
  }

  /** Ambiguous identifiers of one type ({@code email}, {@code name_company}, {@code scoped_name}). */
  public long ambiguous(String type) {
    return ambiguousIdentifiers.getOrDefault(type, 0L);
  }

  /** All counters as metric name to count, in a fixed order. */
  public Map<String, Long> asMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("records", records);
    m.put("unidentified_records", unidentifiedRecords);
    m.put("identifiers", identifiers);
    m.put("components", components);
    for (String type : List.of("email", "name_company", "scoped_name")) {
      m.put("ambiguous:" + type, ambiguous(type));
    }
    m.put("ambiguous_links", ambiguousLinks);
    m.put("refused_links", refusedLinks);
    m.put("split_components", splitComponents);
    m.put("max_component_size", maxComponentSize);
    m.put("giant_components", giantComponents);
    return java.util.Collections.unmodifiableMap(m);
  }
}
