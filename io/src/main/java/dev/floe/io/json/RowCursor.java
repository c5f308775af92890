package dev.floe.io.json;

/**
 * Walks the rows of a file: the objects of a JSON array (or a single top-level object), or the
 * lines of an NDJSON file (blank lines skipped, one object per line).
 */
final class RowCursor {
  private final JsonScanner scanner;
  private final boolean ndjson;
  private boolean started;
  private boolean done;
  private boolean single;

  RowCursor(JsonScanner scanner, boolean ndjson) {
    this.scanner = scanner;
    this.ndjson = ndjson;
  }

  /** Moves to the next row's '{'; false at the end. */
  boolean next() {
    if (done) {
      return false;
    }
    if (ndjson) {
      int b = scanner.peek();
      if (b < 0) {
        done = true;
        return false;
      }
      if (b != '{') {
        throw scanner.error("an NDJSON line must hold a JSON object");
      }
      return true;
    }
    if (!started) {
      started = true;
      int b = scanner.peek();
      if (b == '{') {
        single = true;
        return true;
      }
      scanner.expect('[', "a JSON array of objects ('[')");
      if (scanner.peek() == ']') {
        scanner.pos++;
        done = true;
        return false;
      }
    }
    if (scanner.peek() != '{') {
      throw scanner.error("expected a JSON object as an element of the top-level array");
    }
    return true;
  }

  /** After a row's object: checks what separates it from the next row. */
  void endRow() {
    if (ndjson) {
      int b = scanner.peekInLine();
      if (b >= 0 && b != '\n') {
        throw scanner.error("expected a line break after the JSON object of an NDJSON line");
      }
      return;
    }
    if (single || !scanner.comma(']')) {
      done = true;
    }
  }

  /** After the last row: only whitespace may follow. */
  void finish() {
    if (scanner.peek() >= 0) {
      throw scanner.error("unexpected content after the end of the JSON document");
    }
  }
}
