package io.netroi.ingest.files;

import java.util.Arrays;

/** Maps character offsets to 1-based physical line numbers. */
public final class LineIndex {
  private final int[] starts;
  private final String text;

  public LineIndex(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(s, n);
  }

  public long lineOf(long charPosition) {
    int idx = Arrays.binarySearch(starts, (int) charPosition);
    return (idx >= 0 ? idx : -idx - 2) + 1L;
  }

  /** The first line at or after {@code line} (1-based) holding something other than white space. */
  public long nextNonBlankLine(long line) {
    for (long l = line; l <= starts.length; l++) {
      int from = starts[(int) l - 1];
      int to = l < starts.length ? starts[(int) l] : text.length();
      if (!text.substring(from, to).isBlank()) {
        return l;
      }
    }
    return line;
  }
}
