package io.netroi.ingest.text;

import io.netroi.ingest.text.Lexicon.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The hand-labelled opener sets in {@code lexicon-eval/} (see the README there). */
final class LabelledOpeners {
  /** One labelled message: the categories it belongs to (PITCH, SOCIAL, INTRO). */
  record Opener(String id, String text, Set<Category> labels) {}

  static final List<Category> EVALUATED = List.of(Category.PITCH, Category.SOCIAL, Category.INTRO);

  private LabelledOpeners() {}

  /** Reads {@code lexicon-eval/<file>} (RFC 4180, header id,text,is_pitch,is_social,is_intro). */
  static List<Opener> read(String file) {
    String resource = "/lexicon-eval/" + file;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (InputStream in = LabelledOpeners.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(resource + " is not on the test classpath");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          CSVParser parser = format.parse(reader)) {
        List<Opener> out = new ArrayList<>();
        for (CSVRecord r : parser) {
          Set<Category> labels = EnumSet.noneOf(Category.class);
          if (flag(r, "is_pitch")) {
            labels.add(Category.PITCH);
          }
          if (flag(r, "is_social")) {
            labels.add(Category.SOCIAL);
          }
          if (flag(r, "is_intro")) {
            labels.add(Category.INTRO);
          }
          out.add(new Opener(r.get("id"), r.get("text"), labels));
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean flag(CSVRecord r, String column) {
    String v = r.get(column).strip();
    if (!v.equals("0") && !v.equals("1")) {
      throw new IllegalStateException(r.get("id") + ": " + column + " is '" + v + "', expected 0 or 1");
    }
    return v.equals("1");
  }
}
