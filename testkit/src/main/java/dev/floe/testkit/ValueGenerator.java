package dev.floe.testkit;

import java.util.Random;

/**
 * Draws one random value of a data type, as {@code Column.getObject} returns it: non-null except
 * for the null type. Nested generators may put nulls inside lists and structs.
 */
@FunctionalInterface
interface ValueGenerator {
  Object next(Random random);
}
