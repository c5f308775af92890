package dev.floe.errors;

import java.util.List;

/** A column name that does not exist; the message lists the columns that do. */
public final class ColumnNotFoundException extends FloeException {
  private static final long serialVersionUID = 1L;

  private final String column;

  public ColumnNotFoundException(String column, List<String> available) {
    super(message(column, available));
    this.column = column;
  }

  /** {@link #ColumnNotFoundException(String, List)} with {@code context} (such as which input of a join) in front. */
  public ColumnNotFoundException(String column, List<String> available, String context) {
    super(context + ": " + message(column, available));
    this.column = column;
  }

  /** The name that was asked for. */
  public String column() {
    return column;
  }

  @Override
  public Kind kind() {
    return Kind.COLUMN_NOT_FOUND;
  }

  private static String message(String column, List<String> available) {
    if (available.isEmpty()) {
      return "no column '" + column + "'; the frame has no columns";
    }
    StringBuilder text = new StringBuilder("no column '").append(column).append("'; columns are ");
    int shown = Math.min(available.size(), 50);
    text.append(String.join(", ", available.subList(0, shown)));
    if (shown < available.size()) {
      text.append(", ... (").append(available.size() - shown).append(" more)");
    }
    String close = closest(column, available);
    if (close != null) {
      text.append(" (did you mean '").append(close).append("'?)");
    }
    return text.toString();
  }

  /** The available name within edit distance 2 of the requested one, ignoring case, if any. */
  private static String closest(String column, List<String> available) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : available) {
      int distance = editDistance(column.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best;
  }

  private static int editDistance(String left, String right) {
    int[] previous = new int[right.length() + 1];
    int[] current = new int[right.length() + 1];
    for (int rightIndex = 0; rightIndex <= right.length(); rightIndex++) {
      previous[rightIndex] = rightIndex;
    }
    for (int leftIndex = 1; leftIndex <= left.length(); leftIndex++) {
      current[0] = leftIndex;
      for (int rightIndex = 1; rightIndex <= right.length(); rightIndex++) {
        int substitution = left.charAt(leftIndex - 1) == right.charAt(rightIndex - 1) ? 0 : 1;
        current[rightIndex] =
            Math.min(
                Math.min(current[rightIndex - 1] + 1, previous[rightIndex] + 1),
                previous[rightIndex - 1] + substitution);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[right.length()];
  }
}
