package io.netroi.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Row accounting for one written file, exactly as the data_quality table must show it. */
final class FileTally {
  /** A rejected row: 1-based physical line where the record starts (0 for a file-level problem). */
  record Reject(String memberId, String sourceFile, long rowNumber, String reason) {}

  final String memberId;
  final String sourceFile;
  final String kind;
  long read;
  long kept;
  final Map<String, Long> rejected = new TreeMap<>();
  final Map<String, Long> excluded = new TreeMap<>();
  final List<Reject> rejects = new ArrayList<>();

  FileTally(String memberId, String sourceFile, String kind) {
    this.memberId = memberId;
    this.sourceFile = sourceFile;
    this.kind = kind;
  }

  void count(Fate fate, long rowNumber) {
    read++;
    switch (fate.kind()) {
      case KEPT -> kept++;
      case EXCLUDED -> excluded.merge(fate.reason(), 1L, Long::sum);
      case REJECTED -> {
        rejected.merge(fate.reason(), 1L, Long::sum);
        rejects.add(new Reject(memberId, sourceFile, rowNumber, fate.reason()));
      }
    }
  }
}
