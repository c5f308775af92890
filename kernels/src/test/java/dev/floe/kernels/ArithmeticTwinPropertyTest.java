package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each SIMD arithmetic kernel ({@code ArithmeticSimd}) equals its scalar twin exactly, called
 * through {@link Arithmetic#run} with the implementation chosen explicitly: element-wise IEEE and
 * two's complement operations have no association to differ in. Floats are compared by
 * {@link Double#doubleToLongBits} (one NaN).
 */
@LeakCheckedProperty
class ArithmeticTwinPropertyTest {
  record Case(DataType type, ArithmeticOp op, ColumnSample left, ColumnSample right) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<DataType> types =
        Arbitraries.of(DataType.INT64, DataType.INT32, DataType.FLOAT64, DataType.FLOAT32);
    return Combinators.combine(types, AggregateTwinPropertyTest.lengths(),
            Arbitraries.of(ArithmeticOp.ADD, ArithmeticOp.SUB, ArithmeticOp.MUL, ArithmeticOp.DIV))
        .flatAs((type, length, op) -> {
          ArithmeticOp chosen = op == ArithmeticOp.DIV && type.isInteger() ? ArithmeticOp.MUL : op;
          return Combinators.combine(
                  ColumnArbitraries.columns(type, Arbitraries.just(length)),
                  ColumnArbitraries.columns(type, Arbitraries.just(length)))
              .as((left, right) -> new Case(type, chosen, left, right));
        });
  }

  @Property(tries = 400)
  void simdEqualsScalar(@ForAll("cases") Case sample) {
    BufferAllocator allocator = BufferAllocator.current();
    int width = sample.type().byteWidth();
    try (FixedWidthColumn left = (FixedWidthColumn) sample.left().build();
        FixedWidthColumn right = (FixedWidthColumn) sample.right().build()) {
      int length = left.length();
      int outOffset = length % 7; // results written at a non-zero element offset too
      Buffer simdOut = allocator.allocate(Math.max((long) (length + outOffset) * width, 1));
      Buffer scalarOut = allocator.allocate(Math.max((long) (length + outOffset) * width, 1));
      try {
        Arithmetic.run(left.valuesBuffer().segment(), left.offset(), right.valuesBuffer().segment(),
            right.offset(), simdOut.segment(), outOffset, length, sample.op(), sample.type(), true);
        Arithmetic.run(left.valuesBuffer().segment(), left.offset(), right.valuesBuffer().segment(),
            right.offset(), scalarOut.segment(), outOffset, length, sample.op(), sample.type(),
            false);
        for (int row = 0; row < length; row++) {
          assertThat(bits(simdOut.segment(), sample.type(), outOffset + row))
              .as("row %d", row)
              .isEqualTo(bits(scalarOut.segment(), sample.type(), outOffset + row));
        }
      } finally {
        simdOut.release();
        scalarOut.release();
      }
    }
  }

  @Property(tries = 200)
  void facadeValidityIsTheAndOfTheInputs(@ForAll("cases") Case sample) {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column left = sample.left().build();
        Column right = sample.right().build();
        Column result = Arithmetic.binary(left, right, sample.op(), allocator)) {
      assertThat(result.type()).isEqualTo(sample.type());
      assertThat(result.length()).isEqualTo(left.length());
      for (int row = 0; row < left.length(); row++) {
        assertThat(result.isNull(row)).isEqualTo(left.isNull(row) || right.isNull(row));
      }
    }
  }

  /**
   * Column-scalar (broadcast through the twin kernels) equals column-column with a constant; a
   * float divided by a scalar is a multiplication by its reciprocal, as in Polars.
   */
  @Property(tries = 200)
  void scalarOperandsMatchAConstantColumn(@ForAll("cases") Case sample) {
    BufferAllocator allocator = BufferAllocator.current();
    Object scalar = sample.right().values().stream().filter(v -> v != null).findFirst()
        .orElse(sample.type().isFloatingPoint() ? (Object) 1.5 : (Object) 3L);
    if (sample.type() instanceof DataType.Float32 && !(scalar instanceof Float)) {
      scalar = 1.5f;
    }
    if (sample.type() instanceof DataType.Int32 && !(scalar instanceof Integer)) {
      scalar = 3;
    }
    try (Column left = sample.left().build();
        Column constant = dev.floe.memory.column.JavaValues.toColumn(allocator, sample.type(),
            java.util.Collections.nCopies(left.length(), scalar));
        Column reciprocal = dev.floe.memory.column.JavaValues.toColumn(allocator, sample.type(),
            java.util.Collections.nCopies(left.length(),
                sample.type().isFloatingPoint()
                    ? FloatScalarDivision.reciprocal((Number) scalar, sample.type()) : scalar));
        Column expectedRight = sample.type().isFloatingPoint() && sample.op() == ArithmeticOp.DIV
            ? Arithmetic.binary(left, reciprocal, ArithmeticOp.MUL, allocator)
            : Arithmetic.binary(left, constant, sample.op(), allocator);
        Column actualRight = Arithmetic.binaryScalar(left, scalar, sample.op(), allocator);
        Column expectedLeft = Arithmetic.binary(constant, left, sample.op(), allocator);
        Column actualLeft = Arithmetic.scalarBinary(scalar, left, sample.op(), allocator)) {
      dev.floe.testkit.ColumnAssertions.assertColumnEquals(actualRight, expectedRight);
      dev.floe.testkit.ColumnAssertions.assertColumnEquals(actualLeft, expectedLeft);
    }
  }

  private static long bits(MemorySegment segment, DataType type, int row) {
    return switch (type) {
      case DataType.Int64 t -> segment.get(ValueLayout.JAVA_LONG_UNALIGNED, (long) row << 3);
      case DataType.Int32 t -> segment.get(ValueLayout.JAVA_INT_UNALIGNED, (long) row << 2);
      case DataType.Float64 t ->
          Double.doubleToLongBits(segment.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, (long) row << 3));
      default -> Float.floatToIntBits(segment.get(ValueLayout.JAVA_FLOAT_UNALIGNED, (long) row << 2));
    };
  }
}
