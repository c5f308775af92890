package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rust regex syntax rewritten for java.util.regex. */
@LeakChecked
class StringRegexSyntaxTest {
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
    assertThat(StringRegexSyntax.toJava(rust)).isEqualTo(java);
  }
}
