package dev.floe.planner.expr;

/** Binary operators: arithmetic, comparison and Kleene boolean logic. */
public enum BinaryOp {
  ADD("+", "add", Kind.ARITHMETIC),
  SUB("-", "subtract", Kind.ARITHMETIC),
  MUL("*", "multiply", Kind.ARITHMETIC),
  DIV("/", "divide", Kind.ARITHMETIC),
  FLOOR_DIV("//", "floor-divide", Kind.ARITHMETIC),
  MOD("%", "take the modulo of", Kind.ARITHMETIC),
  POW("**", "raise", Kind.ARITHMETIC),
  EQ("==", "compare", Kind.COMPARISON),
  NE("!=", "compare", Kind.COMPARISON),
  LT("<", "compare", Kind.COMPARISON),
  LE("<=", "compare", Kind.COMPARISON),
  GT(">", "compare", Kind.COMPARISON),
  GE(">=", "compare", Kind.COMPARISON),
  EQ_MISSING("eqMissing", "compare", Kind.COMPARISON),
  AND("&", "and", Kind.BOOLEAN),
  OR("|", "or", Kind.BOOLEAN),
  XOR("^", "xor", Kind.BOOLEAN);

  /** Operator families, which decide the result type. */
  public enum Kind {
    ARITHMETIC,
    COMPARISON,
    BOOLEAN
  }

  private final String symbol;
  private final String verb;
  private final Kind kind;

  BinaryOp(String symbol, String verb, Kind kind) {
    this.symbol = symbol;
    this.verb = verb;
    this.kind = kind;
  }

  /** The operator as printed between its operands ({@code eqMissing} prints as a method). */
  public String symbol() {
    return symbol;
  }

  /** The verb used in error messages ("cannot multiply f64 by str"). */
  public String verb() {
    return verb;
  }

  public Kind kind() {
    return kind;
  }
}
