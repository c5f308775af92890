package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/** The functions of the {@code str} namespace ({@link StringFunction}). */
public enum StringOp {
  LEN_CHARS("lenChars"),
  LEN_BYTES("lenBytes"),
  CONTAINS("contains"),
  STARTS_WITH("startsWith"),
  ENDS_WITH("endsWith"),
  TO_LOWERCASE("toLowercase"),
  TO_UPPERCASE("toUppercase"),
  STRIP("strip"),
  STRIP_PREFIX("stripPrefix"),
  STRIP_SUFFIX("stripSuffix"),
  REPLACE("replace"),
  REPLACE_ALL("replaceAll"),
  SLICE("slice"),
  PAD_START("padStart"),
  PAD_END("padEnd"),
  ZFILL("zfill"),
  SPLIT("split"),
  EXTRACT("extract"),
  EXTRACT_ALL("extractAll"),
  COUNT_MATCHES("countMatches"),
  TO_INTEGER("toInteger"),
  TO_DECIMAL("toDecimal"),
  STRPTIME("strptime");

  private final String method;

  StringOp(String method) {
    this.method = method;
  }

  public String method() {
    return method;
  }

  /**
   * The output type for a string input of type {@code input}; toInteger, toDecimal and strptime
   * take theirs from their options ({@link StringTyping}).
   */
  public DataType outputType(DataType input) {
    return switch (this) {
      case LEN_CHARS, LEN_BYTES, COUNT_MATCHES -> DataType.UINT32;
      case SPLIT, EXTRACT_ALL -> DataType.ListType.of(DataType.UTF8);
      case CONTAINS, STARTS_WITH, ENDS_WITH -> DataType.BOOLEAN;
      default -> input instanceof DataType.LargeUtf8 ? DataType.LARGE_UTF8 : DataType.UTF8;
    };
  }
}
