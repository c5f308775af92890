package dev.floe.jmh.lineitem;

import io.trino.tpch.GenerateUtils;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemColumn;
import io.trino.tpch.LineItemGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes the TPC-H {@code lineitem} table at a scale factor as a comma-separated CSV file with a
 * header, for the I/O benchmarks ({@code scripts/lineitem.sh}, {@code scripts/compare_io.py}).
 *
 * <p>The rows come from Trino's Java port of TPC-H dbgen ({@code io.trino.tpch:tpch}, Apache 2.0,
 * https://github.com/trinodb/tpch), so the file is deterministic: the same scale factor always
 * gives the same bytes (SF1: 6,001,215 rows). The text follows dbgen's {@code .tbl} output (the
 * port's {@link LineItem#toLine()}) except for the separator: ',' instead of '|', no trailing
 * separator, ISO dates ({@code 1996-03-13}), money and rates with two decimals ({@code 24710.35},
 * {@code 0.04}), quantities as integers. A comment holding a ',' is quoted with '"' (dbgen's text
 * has no '"'), as Polars' {@code write_csv} does by default ({@code quote_style="necessary"}).
 *
 * <p>The file is written to a temporary name and renamed at the end, so an interrupted run never
 * leaves a truncated {@code lineitem.csv} behind.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.floe.jmh.lineitem.LineitemGenerator [--sf 1]
 * [--out target/lineitem-sf1]}; prints the row count and the file size.
 */
public final class LineitemGenerator {
  private LineitemGenerator() {}

  public static void main(String[] args) throws IOException {
    double scale = 1.0;
    Path out = null;
    for (int index = 0; index < args.length; index++) {
      switch (args[index]) {
        case "--sf" -> scale = Double.parseDouble(args[++index]);
        case "--out" -> out = Path.of(args[++index]);
        default -> throw new IllegalArgumentException(
            "usage: LineitemGenerator [--sf SCALE] [--out DIRECTORY]; unknown argument " + args[index]);
      }
    }
    if (out == null) {
      out = Path.of("target", "lineitem-sf" + format(scale));
    }
    Files.createDirectories(out);
    Path target = out.resolve("lineitem.csv");
    long start = System.nanoTime();
    long rows = write(scale, target);
    System.out.printf(Locale.ROOT, "%s: %,d rows, %,d bytes, %.1f s%n", target, rows,
        Files.size(target), (System.nanoTime() - start) / 1e9);
  }

  /** Writes lineitem at {@code scale} to {@code target} (replacing it); returns the row count. */
  public static long write(double scale, Path target) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    long rows = 0;
    try (Writer writer = new BufferedWriter(
        Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 20)) {
      writer.write(header());
      StringBuilder line = new StringBuilder(256);
      for (LineItem item : new LineItemGenerator(scale, 1, 1)) {
        line.setLength(0);
        appendRow(line, item);
        writer.append(line);
        rows++;
      }
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return rows;
  }

  /** The header line: dbgen's column names ({@code l_orderkey}, ...), newline-terminated. */
  static String header() {
    StringBuilder header = new StringBuilder();
    for (LineItemColumn column : LineItemColumn.values()) {
      if (!header.isEmpty()) {
        header.append(',');
      }
      header.append(column.getColumnName());
    }
    return header.append('\n').toString();
  }

  /** Appends one record and its newline, fields in the order of {@link LineItemColumn}. */
  static void appendRow(StringBuilder line, LineItem item) {
    line.append(item.orderKey()).append(',')
        .append(item.partKey()).append(',')
        .append(item.supplierKey()).append(',')
        .append(item.lineNumber()).append(',')
        .append(item.quantity()).append(',')
        .append(GenerateUtils.formatMoney(item.extendedPriceInCents())).append(',')
        .append(GenerateUtils.formatMoney(item.discountPercent())).append(',')
        .append(GenerateUtils.formatMoney(item.taxPercent())).append(',')
        .append(item.returnFlag()).append(',')
        .append(item.status()).append(',')
        .append(GenerateUtils.formatDate(item.shipDate())).append(',')
        .append(GenerateUtils.formatDate(item.commitDate())).append(',')
        .append(GenerateUtils.formatDate(item.receiptDate())).append(',')
        .append(item.shipInstructions()).append(',')
        .append(item.shipMode()).append(',');
    appendText(line, item.comment());
    line.append('\n');
  }

  /** Appends {@code text}, quoted (with doubled quotes) only if it holds ',', '"' or a line break. */
  static void appendText(StringBuilder line, String text) {
    boolean quote = false;
    for (int index = 0; index < text.length() && !quote; index++) {
      char c = text.charAt(index);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.append('"');
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      line.append(c);
      if (c == '"') {
        line.append('"');
      }
    }
    line.append('"');
  }

  /** A scale factor as a directory suffix: 1 gives "1", 0.1 gives "0.1". */
  static String format(double scale) {
    return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
  }
}
