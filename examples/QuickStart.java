import static dev.floe.Floe.*;

import dev.floe.DataFrame;
import dev.floe.Series;
import java.time.LocalDate;

/** Run with: ./floe run examples/QuickStart.java */
public class QuickStart {
  public static void main(String[] args) {
    try (DataFrame df = DataFrame.of(
            Series.of("city", "Lisbon", "Oslo", null, "Kyoto"),
            Series.of("temp", 21.5, -3.0, 12.25, null),
            Series.of("day", LocalDate.of(2026, 11, 24), null, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 21)));
        DataFrame warm = df.filter(col("temp").gt(0));
        DataFrame converted = warm.withColumns(col("temp").mul(9).div(5).add(32).alias("fahrenheit"));
        DataFrame report = converted.select("city", "fahrenheit")) {
      System.out.println(df);
      System.out.println(report);
    }
  }
}
