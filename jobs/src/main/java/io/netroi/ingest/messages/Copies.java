package io.netroi.ingest.messages;

import io.netroi.ingest.files.RawRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * design.md's de-duplication of one member's message rows, ranked where they are read: rows that
 * count so far with the same natural key (conversation, sender, time, text hash) are copies of one
 * message, newest export first (export date, then export id, descending, missing last; then file
 * descending, then row ascending), as {@code Dedup.markDuplicates} orders them. Only the rank is
 * decided here: which copy is kept is settled after keying ({@code Dedup.markRankedCopies}),
 * because a newer copy can still be excluded there (its contact erased), and then the next copy is
 * the one kept. Pure.
 */
final class Copies {
  /** Rows that are no copy of any other: rank 1 and no group. */
  private static final int ALONE = -1;

  /** The natural key of a message: sender is the sender's URL, else name; time in microseconds. */
  record Key(String conversationRef, String senderId, Long micros, String contentHash) {}

  /** Newest export first, as Dedup's window orders copies. */
  static final Comparator<RawRecord> NEWEST_FIRST = Comparator
      .comparing(RawRecord::exportDate, descendingNullsLast())
      .thenComparing(RawRecord::exportId, descendingNullsLast())
      .thenComparing(RawRecord::sourceFile, SparkStrings.BINARY_ORDER.reversed())
      .thenComparingLong(RawRecord::rowNumber);

  private final int[] rank;
  private final int[] group;

  private Copies(int rows) {
    rank = new int[rows];
    group = new int[rows];
  }

  /**
   * Ranks the rows whose key is not null (rows with a problem have none) among the others with the
   * same key.
   */
  static Copies rank(List<RawRecord> records, List<Key> keys) {
    Copies c = new Copies(records.size());
    Map<Key, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      c.group[i] = ALONE;
      if (keys.get(i) != null) {
        byKey.computeIfAbsent(keys.get(i), k -> new ArrayList<>(1)).add(i);
      }
    }
    int next = 0;
    for (List<Integer> same : byKey.values()) {
      if (same.size() == 1) {
        c.rank[same.get(0)] = 1;
        continue;
      }
      same.sort(Comparator.comparing(records::get, NEWEST_FIRST));
      for (int r = 0; r < same.size(); r++) {
        c.rank[same.get(r)] = r + 1;
        c.group[same.get(r)] = next;
      }
      next++;
    }
    return c;
  }

  /** 1 for the newest copy; null for a row that was not ranked. */
  Integer rank(int row) {
    return rank[row] == 0 ? null : rank[row];
  }

  /** The copies' group within the member; null for a row no other row copies. */
  Integer group(int row) {
    return group[row] == ALONE ? null : group[row];
  }

  private static Comparator<String> descendingNullsLast() {
    return Comparator.nullsLast(SparkStrings.BINARY_ORDER.reversed());
  }
}
