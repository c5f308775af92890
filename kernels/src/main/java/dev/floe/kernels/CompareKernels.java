package dev.floe.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Fixed-width comparison kernels behind {@link Compare}, producing bitmaps. Values are read at
 * element index {@code first + row} of their segment (so slices need no copy); the output bitmap
 * starts at bit 0 and all its {@code ceil(length / 64)} words are written, bits past {@code length}
 * zero. Values are compared regardless of validity (the facade ANDs the validity in afterwards).
 *
 * <p>Only EQ, LT and GT exist: NE, GE and LE are their word-wise complements (a total order), and
 * a column-column GT is LT with the sides swapped. Floating-point kernels use Polars' total order:
 * NaN equals NaN and is greater than every number, -0.0 equals 0.0; the constant of a float kernel
 * is never NaN (the facade answers NaN constants through {@code isNan}). Implemented by {@code
 * CompareSimd} and its scalar twin {@code CompareScalar}; names: {@code eqLong} (against a
 * constant), {@code eqLongs} (two columns).
 *
 * <p>A float {@code x > c} is computed as {@code !(x <= c)}: NaN fails every ordered comparison, so
 * this is {@code x > c || isNaN(x)} (NaN is the largest value) in one compare and a mask negation.
 */
public interface CompareKernels {
  void eqLong(MemorySegment values, long first, int length, long constant, MemorySegment out);
  void ltLong(MemorySegment values, long first, int length, long constant, MemorySegment out);
  void gtLong(MemorySegment values, long first, int length, long constant, MemorySegment out);
  void eqLongs(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void ltLongs(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void eqInt(MemorySegment values, long first, int length, int constant, MemorySegment out);
  void ltInt(MemorySegment values, long first, int length, int constant, MemorySegment out);
  void gtInt(MemorySegment values, long first, int length, int constant, MemorySegment out);
  void eqInts(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void ltInts(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void eqDouble(MemorySegment values, long first, int length, double constant, MemorySegment out);
  void ltDouble(MemorySegment values, long first, int length, double constant, MemorySegment out);
  void gtDouble(MemorySegment values, long first, int length, double constant, MemorySegment out);
  void eqDoubles(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void ltDoubles(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void isNanDouble(MemorySegment values, long first, int length, MemorySegment out);
  void isFiniteDouble(MemorySegment values, long first, int length, MemorySegment out);
  void eqFloat(MemorySegment values, long first, int length, float constant, MemorySegment out);
  void ltFloat(MemorySegment values, long first, int length, float constant, MemorySegment out);
  void gtFloat(MemorySegment values, long first, int length, float constant, MemorySegment out);
  void eqFloats(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void ltFloats(MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out);
  void isNanFloat(MemorySegment values, long first, int length, MemorySegment out);
  void isFiniteFloat(MemorySegment values, long first, int length, MemorySegment out);
}
