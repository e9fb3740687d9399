package io.netroi.generate;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Writes one CSV file (RFC 4180 quoting: only fields holding a comma, quote or line break are
 * quoted, quotes doubled) and counts every record into a {@link FileTally} with the physical line
 * it starts on. Preamble, header and blank lines are written but not counted as rows.
 */
final class CsvSink implements AutoCloseable {
  private final Writer w;
  private final String eol;
  private final FileTally tally;
  private final StringBuilder sb = new StringBuilder(1024);
  private long line = 1;

  /**
   * @param out the file or zip entry; not closed by {@link #close()} (a zip stream stays open)
   * @param bom write a UTF-8 byte-order mark first
   */
  CsvSink(OutputStream out, Charset charset, String eol, boolean bom, FileTally tally) {
    this.w = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    }, charset), 1 << 16);
    this.eol = eol;
    this.tally = tally;
    if (bom) {
      write("\uFEFF");
    }
  }

  FileTally tally() {
    return tally;
  }

  /** A line written verbatim (preamble). */
  void raw(String text) {
    write(text);
    write(eol);
    line += 1 + newlines(text);
  }

  void blank() {
    write(eol);
    line++;
  }

  void header(String... names) {
    record(names);
  }

  void row(Fate fate, String... fields) {
    long start = line;
    record(fields);
    tally.count(fate, start);
  }

  /** A record whose raw text is given (e.g. a line of only commas). */
  void rawRow(Fate fate, String text) {
    long start = line;
    raw(text);
    tally.count(fate, start);
  }

  private void record(String[] fields) {
    sb.setLength(0);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields[i];
      if (f == null || f.isEmpty()) {
        continue;
      }
      boolean quote = false;
      for (int k = 0; k < f.length(); k++) {
        char c = f.charAt(k);
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
          quote = true;
          if (c == '\n') {
            line++;
          }
        }
      }
      if (quote) {
        sb.append('"');
        for (int k = 0; k < f.length(); k++) {
          char c = f.charAt(k);
          if (c == '"') {
            sb.append('"');
          }
          sb.append(c);
        }
        sb.append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append(eol);
    line++;
    write(sb);
  }

  private static int newlines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private void write(CharSequence s) {
    try {
      w.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      w.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
