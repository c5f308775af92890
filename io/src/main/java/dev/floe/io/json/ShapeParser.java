package dev.floe.io.json;

import java.util.LinkedHashMap;

/**
 * Infers the {@link JsonShape} of one JSON value from the scanner (the inference pass). Integers
 * beyond i64 count as floats (Polars infers Int128, which Floe does not have).
 */
final class ShapeParser {
  private final JsonScanner scanner;

  ShapeParser(JsonScanner scanner) {
    this.scanner = scanner;
  }

  JsonShape value(int depth) {
    int b = scanner.peek();
    switch (b) {
      case '{' -> {
        return object(depth);
      }
      case '[' -> {
        scanner.checkDepth(depth);
        scanner.pos++;
        JsonShape element = JsonShape.NULL;
        if (scanner.peek() == ']') {
          scanner.pos++;
          return JsonShape.list(element);
        }
        do {
          long at = scanner.pos;
          JsonShape next = value(depth + 1);
          JsonShape merged = JsonShape.merge(element, next, true);
          if (merged == null) {
            scanner.pos = at;
            throw scanner.error("array elements of types " + element + " and " + next
                + " have no common type");
          }
          element = merged;
        } while (scanner.comma(']'));
        return JsonShape.list(element);
      }
      case '"' -> {
        scanner.string();
        return JsonShape.STR;
      }
      case 't' -> {
        scanner.literal("true");
        return JsonShape.BOOL;
      }
      case 'f' -> {
        scanner.literal("false");
        return JsonShape.BOOL;
      }
      case 'n' -> {
        scanner.literal("null");
        return JsonShape.NULL;
      }
      default -> {
        scanner.skipValue(depth); // numbers, or the error for anything else
        if (!scanner.integral) {
          return JsonShape.FLOAT;
        }
        return NumberParsing.fitsLong(scanner) ? JsonShape.INT : JsonShape.FLOAT;
      }
    }
  }

  /** An object's shape; a repeated key keeps its first value (as Polars). */
  JsonShape object(int depth) {
    scanner.checkDepth(depth);
    scanner.expect('{', "'{'");
    LinkedHashMap<String, JsonShape> fields = new LinkedHashMap<>();
    if (scanner.peek() == '}') {
      scanner.pos++;
      return JsonShape.struct(fields);
    }
    do {
      if (scanner.peek() != '"') {
        throw scanner.error("expected a string key");
      }
      scanner.string();
      String key = keyText();
      scanner.expect(':', "':' after a key");
      JsonShape shape = value(depth + 1);
      fields.putIfAbsent(key, shape);
    } while (scanner.comma('}'));
    return JsonShape.struct(fields);
  }

  private String keyText() {
    if (!scanner.escaped) {
      return scanner.tokenText();
    }
    Scratch scratch = new Scratch();
    int length = scanner.decodeString(scratch);
    return new String(scratch.array(), 0, length, java.nio.charset.StandardCharsets.UTF_8);
  }
}
