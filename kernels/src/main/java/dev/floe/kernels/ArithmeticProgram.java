package dev.floe.kernels;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A fused element-wise arithmetic tree such as {@code a * b + c}, run a block of rows at a time so
 * intermediate results stay in the L1 cache: per block, each step calls the same SIMD (or scalar
 * twin) kernel as a single operation would, but into a small scratch block instead of a full
 * column. Only the inputs are read from memory and only the result is written, where evaluating
 * the tree one operation at a time writes and re-reads every intermediate column. (Block-at-a-time
 * evaluation is the vectorized-interpretation model of MonetDB/X100: Boncz, Zukowski and Nes,
 * "MonetDB/X100: Hyper-Pipelining Query Execution", CIDR 2005.)
 *
 * <p>The program is postfix: {@link Load} pushes a column (of the program's type, or of a numeric
 * type {@link NumericWidening} converts to it, block by block), {@link Constant} pushes a value and
 * {@link Apply} pops two operands and pushes the result. Operations are those with a twin kernel:
 * add, sub and mul of Int32, Int64, Float32 and Float64, and div of floats. An operation with one
 * constant operand takes it in a register where it can ({@link ConstantArithmetic}). A row of the
 * result is null when it is null in any loaded column.
 */
public final class ArithmeticProgram {
  /** Rows per block: 2,048 8-byte values are 16 KiB, so a few scratch blocks fit in L1. */
  static final int BLOCK = 2048;

  /** Rows per scratch block for {@code length} rows: no more than the input needs (a multiple of 64). */
  static int blockRows(int length) {
    return Math.min(BLOCK, Math.max(64, (length + 63) & ~63));
  }

  /** One postfix step. */
  public sealed interface Step permits Load, Constant, Apply {}

  /** Pushes a column's values (converted to the program's type when it differs). */
  public record Load(FixedWidthColumn column) implements Step {}

  /** Pushes a non-null constant. */
  public record Constant(Number value) implements Step {}

  /** Pops the right then the left operand and pushes {@code left op right}. */
  public record Apply(ArithmeticOp op) implements Step {}

  private ArithmeticProgram() {}

  /** True when {@code op} over {@code type} has a twin kernel this program can run. */
  public static boolean supports(ArithmeticOp op, DataType type) {
    boolean floating = type instanceof DataType.Float64 || type instanceof DataType.Float32;
    boolean integer = type instanceof DataType.Int64 || type instanceof DataType.Int32;
    return switch (op) {
      case ADD, SUB, MUL -> floating || integer;
      case DIV -> floating;
      default -> false;
    };
  }

  /**
   * Runs {@code steps} over {@code length} rows (every loaded column has that length) and returns
   * the result column of {@code type}; the caller closes it.
   */
  public static Column run(List<Step> steps, DataType type, int length, BufferAllocator allocator) {
    return run(steps, type, length, allocator, KernelProvider.simd());
  }

  /** As above with the kernels' implementation chosen explicitly (benchmarks compare the two). */
  public static Column run(
      List<Step> steps, DataType type, int length, BufferAllocator allocator, boolean simd) {
    List<Column> loaded = new ArrayList<>();
    int depth = 0;
    int maxDepth = 0;
    for (Step step : steps) {
      switch (step) {
        case Load load -> {
          if (load.column().length() != length) {
            throw new IllegalArgumentException(
                "column of " + load.column().length() + " rows in a program of " + length);
          }
          DataType from = load.column().type();
          if (!from.equals(type) && !NumericWidening.supports(from, type)) {
            throw new IllegalArgumentException("cannot load " + from + " into a " + type + " program");
          }
          loaded.add(load.column());
          depth++;
        }
        case Constant constant -> depth++;
        case Apply apply -> {
          if (!supports(apply.op(), type) || depth < 2) {
            throw new IllegalArgumentException("cannot apply " + apply.op() + " to " + type);
          }
          depth--;
        }
      }
      maxDepth = Math.max(maxDepth, depth);
    }
    if (depth != 1 || !(steps.getLast() instanceof Apply)) {
      throw new IllegalArgumentException("a program must end with an operation leaving one value");
    }
    int width = type.byteWidth();
    Buffer values = allocator.allocate(Math.max((long) length * width, 1));
    Buffer scratch = null;
    Buffer validity = null;
    try {
      validity = ArithmeticValidity.andAll(loaded, length, allocator);
      int block = blockRows(length);
      scratch = allocator.allocate((long) (maxDepth + steps.size()) * block * width);
      new Runner(steps, type, scratch.segment(), maxDepth, block, simd).run(values.segment(), length);
      scratch.release();
      scratch = null;
    } catch (RuntimeException failure) {
      values.release();
      if (validity != null) {
        validity.release();
      }
      if (scratch != null) {
        scratch.release();
      }
      throw failure;
    }
    return ArithmeticValidity.column(type, length, validity, values);
  }

  /**
   * Evaluates the steps block by block. Stack slot {@code i} has scratch block {@code i}; each
   * constant has its own block, filled the first time an operation reads it as a column (most
   * take a constant operand in a register). An operand is a (segment, element offset) pair.
   */
  private static final class Runner {
    private final List<Step> steps;
    private final DataType type;
    private final MemorySegment scratch;
    private final int constantBase;
    private final boolean simd;
    private final MemorySegment[] segments;
    private final int[] offsets;
    /** The constant in each stack slot, or null where the slot holds rows. */
    private final Number[] constants;
    /** Which constants' scratch blocks are filled: only those an operation reads as a column. */
    private final boolean[] filled;
    /** Rows per block: {@link #BLOCK}, or fewer for a short input (its scratch is sized by it). */
    private final int block;

    Runner(List<Step> steps, DataType type, MemorySegment scratch, int maxDepth, int block, boolean simd) {
      this.steps = steps;
      this.block = block;
      this.simd = simd;
      this.type = type;
      this.scratch = scratch;
      this.constantBase = maxDepth;
      this.segments = new MemorySegment[maxDepth];
      this.offsets = new int[maxDepth];
      this.constants = new Number[maxDepth];
      this.filled = new boolean[steps.size()];
    }

    void run(MemorySegment out, int length) {
      for (int start = 0; start < length; start += block) {
        block(out, start, Math.min(block, length - start));
      }
    }

    private void block(MemorySegment out, int start, int rows) {
      int top = 0;
      for (int index = 0; index < steps.size(); index++) {
        switch (steps.get(index)) {
          case Load load -> {
            FixedWidthColumn column = load.column();
            if (column.type().equals(type)) {
              segments[top] = column.valuesBuffer().segment();
              offsets[top] = column.offset() + start;
            } else {
              NumericWidening.convert(column.valuesBuffer().segment(), column.offset() + start,
                  column.type(), scratch, top * block, type, rows);
              segments[top] = scratch;
              offsets[top] = top * block;
            }
            constants[top] = null;
            top++;
          }
          case Constant constant -> {
            segments[top] = scratch;
            offsets[top] = (constantBase + index) * block;
            constants[top] = constant.value();
            top++;
          }
          case Apply apply -> {
            top--;
            boolean last = index == steps.size() - 1;
            MemorySegment target = last ? out : scratch;
            int targetOffset = last ? start : (top - 1) * block;
            apply(apply.op(), top - 1, top, target, targetOffset, rows);
            segments[top - 1] = target;
            offsets[top - 1] = targetOffset;
            constants[top - 1] = null;
          }
        }
      }
    }

    /**
     * {@code slot(left) op slot(right)} into the target: with the constant in a register when one
     * operand is a constant and the operation allows ({@code x + c}, {@code x - c} as {@code x +
     * (-c)}, {@code x * c}, {@code c + x}, {@code c * x}), else column against column, the
     * constant's scratch block standing in for it.
     */
    private void apply(ArithmeticOp op, int left, int right, MemorySegment target, int targetOffset, int rows) {
      Number constant = constants[right];
      if (constant != null && constants[left] == null && op != ArithmeticOp.DIV) {
        ArithmeticOp kernel = op == ArithmeticOp.SUB ? ArithmeticOp.ADD : op;
        Number value = op == ArithmeticOp.SUB ? ConstantArithmetic.negate(constant, type) : constant;
        ConstantArithmetic.run(segments[left], offsets[left], value, target, targetOffset, rows, kernel, type, simd);
      } else if (constants[left] != null && constant == null
          && (op == ArithmeticOp.ADD || op == ArithmeticOp.MUL)) {
        ConstantArithmetic.run(segments[right], offsets[right], constants[left], target, targetOffset, rows, op,
            type, simd);
      } else {
        fillIfConstant(left);
        fillIfConstant(right);
        Arithmetic.run(segments[left], offsets[left], segments[right], offsets[right], target, targetOffset, rows, op,
            type, simd);
      }
    }

    /** Fills the scratch block of the constant in stack slot {@code slot} (if it is one) on its first use. */
    private void fillIfConstant(int slot) {
      Number value = constants[slot];
      int step = offsets[slot] / block - constantBase;
      if (value == null || filled[step]) {
        return;
      }
      filled[step] = true;
      long offset = offsets[slot];
      switch (type) {
        case DataType.Int64 t -> {
          for (int row = 0; row < block; row++) {
            scratch.setAtIndex(ValueLayout.JAVA_LONG, offset + row, value.longValue());
          }
        }
        case DataType.Int32 t -> {
          for (int row = 0; row < block; row++) {
            scratch.setAtIndex(ValueLayout.JAVA_INT, offset + row, value.intValue());
          }
        }
        case DataType.Float64 t -> {
          for (int row = 0; row < block; row++) {
            scratch.setAtIndex(ValueLayout.JAVA_DOUBLE, offset + row, value.doubleValue());
          }
        }
        default -> {
          for (int row = 0; row < block; row++) {
            scratch.setAtIndex(ValueLayout.JAVA_FLOAT, offset + row, value.floatValue());
          }
        }
      }
    }
  }
}
