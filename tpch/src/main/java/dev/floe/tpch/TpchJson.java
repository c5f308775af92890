package dev.floe.tpch;

import dev.floe.errors.FloeIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link TpchRunner}'s timings as JSON, the form {@code scripts/tpch/peers.py --floe-json}
 * reads: {@code {"engine":"floe","scale":0.1,"runs":3,"queries":[{"query":6,"rows":1,
 * "cold_ms":12.3,"warm_ms":[4.1,4.0,4.2],"warm_median_ms":4.1,"answer":"OK"}]}}.
 */
final class TpchJson {
  private TpchJson() {}

  static void write(TpchOptions options, List<TpchRunner.Result> results) {
    StringBuilder json = new StringBuilder();
    json.append("{\"engine\":\"floe\",\"scale\":").append(TpchOptions.scaleName(options.scale()))
        .append(",\"runs\":").append(options.runs()).append(",\"queries\":[");
    for (int index = 0; index < results.size(); index++) {
      TpchRunner.Result result = results.get(index);
      json.append(index == 0 ? "\n  " : ",\n  ")
          .append("{\"query\":").append(result.query())
          .append(",\"rows\":").append(result.rows())
          .append(",\"cold_ms\":").append(number(result.coldMillis()))
          .append(",\"warm_ms\":[");
      for (int run = 0; run < result.warmMillis().length; run++) {
        json.append(run == 0 ? "" : ",").append(number(result.warmMillis()[run]));
      }
      json.append("],\"warm_median_ms\":").append(number(result.warmMedianMillis()))
          .append(",\"answer\":\"").append(result.check()).append("\"}");
    }
    json.append("\n]}\n");
    try {
      Path parent = options.json().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(options.json(), json);
    } catch (IOException failure) {
      throw new FloeIoException("--json: cannot write " + options.json() + ": " + failure.getMessage(), failure);
    }
  }

  private static String number(double millis) {
    if (Double.isNaN(millis)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.3f", millis);
  }
}
