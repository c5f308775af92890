package dev.floe.memory.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rust regex syntax rewritten for java.util.regex (no buffers: no leak check needed). */
class RustRegexSyntaxTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "(?P<y>\\d{4})-(?P<m>\\d\\d)|(?<y>\\d{4})-(?<m>\\d\\d)",
    "b$|b\\z",
    "[$]$|[$]\\z",
    "\\$|\\$",
    "\\(?P<|\\(?P<",
    "[]$]|[]$]",
    "(?m)b$|(?m)b$",
    "(?im:b$)|(?im:b$)",
  })
  void rewrites(String rust, String java) {
    assertThat(RustRegexSyntax.toJava(rust)).isEqualTo(java);
  }
}
