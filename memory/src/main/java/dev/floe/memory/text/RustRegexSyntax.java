package dev.floe.memory.text;

/**
 * Rewrites Rust regex syntax (Polars') to java.util.regex where the two differ: named groups
 * {@code (?P<name>...)} become {@code (?<name>...)}, and outside multi-line mode an unescaped
 * {@code $} becomes {@code \z} (in Rust it matches only at the very end; in Java also before a
 * final line break). Escapes and character classes are left alone. Here, in the lowest module,
 * so that the planner validates at resolve time exactly what the kernels compile.
 */
public final class RustRegexSyntax {
  private RustRegexSyntax() {}

  /** The java.util.regex form of the Rust pattern {@code rust}. */
  public static String toJava(String rust) {
    boolean multiLine = rust.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z-]*[:)].*");
    StringBuilder java = new StringBuilder(rust.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < rust.length(); i++) {
      char c = rust.charAt(i);
      if (c == '\\' && i + 1 < rust.length()) {
        java.append(c).append(rust.charAt(++i));
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        java.append(c);
        continue;
      }
      if (c == '[') {
        inClass = true;
        java.append(c);
        if (i + 1 < rust.length() && rust.charAt(i + 1) == ']') {
          java.append(rust.charAt(++i));
        }
      } else if (c == '(' && rust.startsWith("(?P<", i)) {
        java.append("(?<");
        i += 3;
      } else if (c == '$' && !multiLine) {
        java.append("\\z");
      } else {
        java.append(c);
      }
    }
    return java.toString();
  }
}
