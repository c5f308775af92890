package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A fused {@link ArithmeticProgram} equals the same tree evaluated one operation at a time with
 * full intermediate columns ({@link Arithmetic#binary}, {@link Cast#cast} for a widened input):
 * values, nulls and type, at lengths on both sides of the block size, with sliced inputs, for
 * {@code (a op1 b) op2 c} and {@code a op1 (b op2 constant)} where {@code b} may be an Int32 column
 * widened inside the program.
 */
@LeakCheckedProperty
class ArithmeticProgramPropertyTest {
  record Case(DataType type, ArithmeticOp first, ArithmeticOp second, boolean widenB,
      ColumnSample a, ColumnSample b, ColumnSample c) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<DataType> types =
        Arbitraries.of(DataType.INT64, DataType.INT32, DataType.FLOAT64, DataType.FLOAT32);
    Arbitrary<Integer> lengths =
        Arbitraries.oneOf(AggregateTwinPropertyTest.lengths(),
            Arbitraries.of(2047, 2048, 2049, 4096, 6001));
    Arbitrary<ArithmeticOp> ops =
        Arbitraries.of(ArithmeticOp.ADD, ArithmeticOp.SUB, ArithmeticOp.MUL, ArithmeticOp.DIV);
    return Combinators.combine(types, lengths, ops, ops, Arbitraries.of(true, false))
        .flatAs((type, length, first, second, widen) -> {
          ArithmeticOp one = first == ArithmeticOp.DIV && type.isInteger() ? ArithmeticOp.SUB : first;
          ArithmeticOp two = second == ArithmeticOp.DIV && type.isInteger() ? ArithmeticOp.ADD : second;
          boolean widenB = widen && (type == DataType.INT64 || type == DataType.FLOAT64);
          DataType bType = widenB ? DataType.INT32 : type;
          return Combinators.combine(
                  ColumnArbitraries.columns(type, Arbitraries.just(length)),
                  ColumnArbitraries.columns(bType, Arbitraries.just(length)),
                  ColumnArbitraries.columns(type, Arbitraries.just(length)))
              .as((a, b, c) -> new Case(type, one, two, widenB, a, b, c));
        });
  }

  @Property(tries = 300)
  void fusedEqualsStepByStep(@ForAll("cases") Case sample) {
    BufferAllocator allocator = BufferAllocator.current();
    DataType type = sample.type();
    Number constant = type.isFloatingPoint()
        ? (type == DataType.FLOAT32 ? (Number) 1.5f : (Number) (-2.25))
        : (type == DataType.INT32 ? (Number) 7 : (Number) 7L);
    try (Column a = sample.a().build();
        Column b = sample.b().build();
        Column c = sample.c().build();
        Column wideB = Cast.cast(b, type, true, allocator);
        Column ab = Arithmetic.binary(a, wideB, sample.first(), allocator);
        Column expectedLeftDeep = Arithmetic.binary(ab, c, sample.second(), allocator);
        Column constantColumn = Broadcast.constant(constant, type, a.length(), allocator);
        Column bk = Arithmetic.binary(wideB, constantColumn, sample.second(), allocator);
        Column expectedRightDeep = Arithmetic.binary(a, bk, sample.first(), allocator);
        Column leftDeep = ArithmeticProgram.run(
            List.of(load(a), load(b), new ArithmeticProgram.Apply(sample.first()), load(c),
                new ArithmeticProgram.Apply(sample.second())),
            type, a.length(), allocator);
        Column rightDeep = ArithmeticProgram.run(
            List.of(load(a), load(b), new ArithmeticProgram.Constant(constant),
                new ArithmeticProgram.Apply(sample.second()),
                new ArithmeticProgram.Apply(sample.first())),
            type, a.length(), allocator)) {
      ColumnAssertions.assertColumnEquals(leftDeep, expectedLeftDeep);
      ColumnAssertions.assertColumnEquals(rightDeep, expectedRightDeep);
    }
  }

  private static ArithmeticProgram.Step load(Column column) {
    return new ArithmeticProgram.Load((FixedWidthColumn) column);
  }
}
