package io.netroi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroi.ingest.files.ExportCatalog;
import io.netroi.ingest.files.ExportReader;
import io.netroi.ingest.files.ExportSource;
import io.netroi.ingest.files.RawRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Personal text found in the sample's raw exports, and every string an output table holds. */
final class SampleText {
  private SampleText() {}

  static List<RawRecord> rows(Path sample) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    List<RawRecord> out = new ArrayList<>();
    try (Stream<Path> members = Files.list(sample.resolve("exports"))) {
      for (Path m : members.toList()) {
        for (ExportSource s : ExportCatalog.sources(fs, new org.apache.hadoop.fs.Path(sample.toUri()),
            m.getFileName().toString())) {
          ExportReader.read(s, fs).stream().filter(r -> r.recordType().equals(RawRecord.ROW)).forEach(out::add);
        }
      }
    }
    return out;
  }

  /** Full names (lower case) of everyone in Connections, messages and invitations. */
  static Set<String> contactNames(Path sample) throws Exception {
    Set<String> names = new HashSet<>();
    for (RawRecord r : rows(sample)) {
      Map<String, String> f = r.fields();
      if (f.get("first_name") != null && f.get("last_name") != null) {
        names.add(lower(f.get("first_name") + " " + f.get("last_name")));
      }
      for (String k : List.of("from", "to")) {
        if (f.get(k) != null) {
          for (String n : f.get(k).split(",")) {
            names.add(lower(n));
          }
        }
      }
    }
    names.remove("");
    return names;
  }

  /** Message contents and invitation notes (lower case), 8 characters or longer. */
  static Set<String> messageTexts(Path sample) throws Exception {
    Set<String> texts = new HashSet<>();
    for (RawRecord r : rows(sample)) {
      for (String k : List.of("content", "message")) {
        String v = r.fields().get(k);
        if (v != null && v.trim().length() >= 8) {
          texts.add(lower(v));
        }
      }
    }
    return texts;
  }

  /** Every string value (and map key) in a table, nested ones included, minus some columns. */
  static List<String> strings(Dataset<Row> table, Set<String> skipColumns) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    Dataset<Row> kept = table.drop(skipColumns.toArray(String[]::new));
    for (String line : kept.toJSON().collectAsList()) {
      collect(json.readTree(line), out);
    }
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    } else if (node.isContainerNode()) {
      node.fieldNames().forEachRemaining(out::add);
      node.elements().forEachRemaining(n -> collect(n, out));
    }
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
