package dev.floe.io.json;

import dev.floe.errors.FloeException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.column.BooleanBuilder;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ListBuilder;
import dev.floe.memory.column.StructBuilder;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes JSON values from the scanner straight into column builders, following a
 * {@link DecodePlan}. A value is checked against the column's type before anything is appended,
 * so with {@code ignoreErrors} a value that does not fit becomes a null and every builder stays
 * aligned; without it the error names the file, row, line, byte offset, column and value.
 */
final class JsonDecoder {
  private final JsonScanner scanner;
  private final String file;
  private final boolean ignoreErrors;
  private final Scratch scratch = new Scratch();
  private boolean[] seenStack = new boolean[64];
  private int seenTop;
  /** The 0-based row being decoded, for messages. */
  long row;

  JsonDecoder(JsonScanner scanner, String file, boolean ignoreErrors) {
    this.scanner = scanner;
    this.file = file;
    this.ignoreErrors = ignoreErrors;
  }

  /** Decodes one row: the object at the position, into the plan's builders. */
  void row(DecodePlan plan) {
    seenTop = 0;
    object(plan, 0);
  }

  /** Decodes the object at the position into the plan's field builders (one value each). */
  void object(DecodePlan plan, int depth) {
    scanner.checkDepth(depth);
    scanner.expect('{', "'{'");
    int count = plan.fieldCount();
    int base = reserveSeen(count);
    int expected = 0;
    if (scanner.peek() == '}') {
      scanner.pos++;
    } else {
      do {
        if (scanner.peek() != '"') {
          throw scanner.error("expected a string key");
        }
        scanner.string();
        int field = scanner.escaped ? plan.find(keyText()) : plan.find(scanner, expected);
        scanner.expect(':', "':' after a key");
        if (field < 0 || seenStack[base + field]) {
          scanner.skipValue(depth + 1); // unknown column, or a repeated key: the first one wins
        } else {
          seenStack[base + field] = true;
          value(plan.children[field], depth + 1);
          expected = field + 1;
        }
      } while (scanner.comma('}'));
    }
    for (int k = 0; k < count; k++) {
      if (!seenStack[base + k]) {
        plan.children[k].builder.appendNull();
      }
    }
    seenTop = base;
  }

  /** Reserves {@code count} cleared seen-flags on a stack shared by the open objects. */
  private int reserveSeen(int count) {
    int base = seenTop;
    int needed = base + count;
    if (needed > seenStack.length) {
      seenStack = Arrays.copyOf(seenStack, Math.max(needed, seenStack.length * 2));
    }
    Arrays.fill(seenStack, base, needed, false);
    seenTop = needed;
    return base;
  }

  /** Decodes one value into the plan's builder. */
  void value(DecodePlan plan, int depth) {
    ColumnBuilder builder = plan.builder;
    int b = scanner.peek();
    if (b == 'n') {
      scanner.literal("null");
      builder.appendNull();
      return;
    }
    long start = scanner.pos;
    switch (plan.type) {
      case DataType.NullType t -> {
        scanner.skipValue(depth);
        builder.appendNull();
      }
      case DataType.BooleanType t -> {
        if (b == 't' || b == 'f') {
          scanner.literal(b == 't' ? "true" : "false");
          ((BooleanBuilder) builder).append(b == 't');
        } else {
          mismatch(plan, start, depth);
        }
      }
      case DataType.StructType t -> {
        if (b == '{') {
          object(plan, depth);
          ((StructBuilder) builder).appendValid();
        } else {
          mismatch(plan, start, depth);
        }
      }
      case DataType.ListType t -> list(plan, b, start, depth);
      case DataType.LargeListType t -> list(plan, b, start, depth);
      default -> {
        if (plan.type.isString()) {
          string(plan, b, start, depth);
        } else if (b == '-' || (b >= '0' && b <= '9')) {
          scanner.number();
          ScalarParsing.number(this, plan, start);
        } else if (b == '"') {
          scanner.string();
          ScalarParsing.text(this, plan, start, stringText());
        } else {
          mismatch(plan, start, depth);
        }
      }
    }
  }

  private void list(DecodePlan plan, int b, long start, int depth) {
    if (b != '[') {
      mismatch(plan, start, depth);
      return;
    }
    scanner.checkDepth(depth);
    scanner.pos++;
    ListBuilder list = (ListBuilder) plan.builder;
    list.startList();
    if (scanner.peek() == ']') {
      scanner.pos++;
    } else {
      do {
        value(plan.element, depth + 1);
      } while (scanner.comma(']'));
    }
    list.endList();
  }

  /** A string column takes strings, and the JSON text of any other value (as Polars). */
  private void string(DecodePlan plan, int b, long start, int depth) {
    if (b == '"') {
      scanner.string();
      if (!scanner.escaped) {
        appendBytes(plan.builder, scanner.bytes(), scanner.tokenStart,
            (int) (scanner.tokenEnd - scanner.tokenStart));
      } else {
        int length = scanner.decodeString(scratch);
        appendBytes(plan.builder, scratch.segment(), 0, length);
      }
      return;
    }
    scanner.skipValue(depth);
    appendBytes(plan.builder, scanner.bytes(), start, (int) (scanner.pos - start));
  }

  private static void appendBytes(
      ColumnBuilder builder, java.lang.foreign.MemorySegment source, long offset, int length) {
    if (builder instanceof VarBinaryBuilder binary) {
      binary.append(source, offset, length);
    } else {
      byte[] copy = source.asSlice(offset, length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
      builder.appendObject(new String(copy, StandardCharsets.UTF_8));
    }
  }

  /** The last string token, decoded, as Java text (for dates and decimals). */
  String stringText() {
    if (!scanner.escaped) {
      return scanner.tokenText();
    }
    int length = scanner.decodeString(scratch);
    return new String(scratch.array(), 0, length, StandardCharsets.UTF_8);
  }

  private String keyText() {
    return stringText();
  }

  JsonScanner scanner() {
    return scanner;
  }

  /** A value that does not fit the column (already consumed up to the scanner's position). */
  void failed(DecodePlan plan, long start, String reason) {
    if (ignoreErrors) {
      plan.builder.appendNull();
      return;
    }
    String text = new String(
        scanner.bytes().asSlice(start, Math.min(scanner.pos - start, 60))
            .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    throw new SchemaMismatchException(
        "cannot read " + (scanner.pos - start > 60 ? text + "..." : text) + " as " + plan.type
            + " in column '" + plan.path + "' of " + file + " at row " + row + ", "
            + scanner.where(start) + (reason == null ? "" : ": " + reason)
            + "; give the column another type in the schema, or set ignoreErrors");
  }

  private void mismatch(DecodePlan plan, long start, int depth) {
    scanner.pos = start;
    scanner.skipValue(depth);
    failed(plan, start, null);
  }

  /** Appends through the builder's own conversion; its range errors become ours. */
  void appendObject(DecodePlan plan, long start, Object value) {
    try {
      plan.builder.appendObject(value);
    } catch (FloeException outOfRange) {
      failed(plan, start, outOfRange.getMessage());
    }
  }
}
