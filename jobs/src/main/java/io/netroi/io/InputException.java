package io.netroi.io;

/**
 * Input that cannot be used at all (as opposed to a bad row, which goes to the rejects table).
 * The message always names the file and, where one is at fault, the row.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String file, String problem) {
    super(file + ": " + problem);
  }

  public InputException(String file, long row, String problem) {
    super(file + ", row " + row + ": " + problem);
  }

  public InputException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
