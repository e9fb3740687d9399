package io.netroi.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's files from the report tree ({@link ReportData#build}): self-contained HTML, a PDF of
 * the same HTML, a Markdown summary, the JSON summary and CSV files of its tables. Pure: every
 * method returns bytes; {@link ReportJob} writes them.
 */
public final class Renderers {
  /** Fonts with wide Unicode coverage for the PDF when the machine has them (Debian fonts-dejavu-core). */
  static final String FONT_DIR = "/usr/share/fonts/truetype/dejavu/";
  private static final PebbleEngine ENGINE = engine();

  private Renderers() {}

  static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader(Renderers.class.getClassLoader());
    loader.setPrefix("report");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .addEscapingStrategy("xhtml", Escaping::html)
        .addEscapingStrategy("markdown", Escaping::markdown)
        .defaultEscapingStrategy("xhtml")
        .newLineTrimming(false)
        .strictVariables(false)
        .extension(new ReportFormats())
        .build();
  }

  static String render(String template, Map<String, Object> context) {
    try {
      StringWriter w = new StringWriter();
      ENGINE.getTemplate(template).evaluate(w, context);
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HTML report: the tree as {@code r}, the charts as {@code charts} (data URIs). */
  public static String html(Map<String, Object> report, Map<String, String> charts) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("r", report);
    context.put("charts", charts);
    return render("report.html.peb", context);
  }

  /** The Markdown summary. */
  public static String markdown(Map<String, Object> report) {
    return render("summary.md.peb", Map.of("r", report));
  }

  /** The PDF of the HTML report (openhtmltopdf; the HTML is well-formed XHTML). */
  public static byte[] pdf(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      addFont(b, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
      addFont(b, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
      addFont(b, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
      b.withHtmlContent(html, null);
      b.toStream(out);
      b.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void addFont(PdfRendererBuilder b, String file, int weight, FontStyle style) {
    File f = new File(FONT_DIR + file);
    if (f.isFile()) {
      b.useFont(f, "DejaVu Sans", weight, style, true);
    }
  }

  /** The JSON summary: the whole tree, pretty-printed. */
  public static byte[] json(Map<String, Object> report) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A CSV file of rows (maps; nested maps flattened to {@code parent_child} columns, lists joined
   * by "; "), header from the first row's keys, every text cell neutralised for spreadsheets.
   */
  public static byte[] csv(List<Map<String, Object>> rows) {
    List<Map<String, Object>> flat = rows.stream().map(r -> flatten("", r, new LinkedHashMap<>())).toList();
    List<String> header = new ArrayList<>();
    flat.forEach(r -> r.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add));
    StringBuilder b = new StringBuilder();
    try (CSVPrinter p = new CSVPrinter(b, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build())) {
      for (Map<String, Object> r : flat) {
        List<Object> values = new ArrayList<>();
        for (String h : header) {
          Object v = r.get(h);
          values.add(v instanceof String s ? Escaping.csvCell(s) : v);
        }
        p.printRecord(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> flatten(String prefix, Map<String, Object> m, Map<String, Object> out) {
    m.forEach((k, v) -> {
      String key = prefix.isEmpty() ? k : prefix + "_" + k;
      if (v instanceof Map<?, ?> nested) {
        flatten(key, (Map<String, Object>) nested, out);
      } else if (v instanceof List<?> list) {
        out.put(key, String.join("; ", list.stream().map(String::valueOf).toList()));
      } else {
        out.put(key, v);
      }
    });
    return out;
  }
}
