"""Generates the per-type comparison kernels, which must stay shape-identical between SIMD and scalar:
kernels/src/main/java/dev/floe/kernels/{CompareKernels.java, scalar/CompareScalar.java, simd/CompareSimd.java}.

Run from anywhere:  python3 kernels/codegen/gen_compare.py   (then build; the files are committed)
Java has no generics over primitive types and the Vector API needs one small static method per loop
shape (STACK.md), so the four types (long, int, double, float) are written out by this template.
Edit the template, not the generated files.
"""
import os
types = {
  # name: (prim, Vec, SPEC, width, layout, Box)
  'Long':   ('long',   'LongVector',   'LONGS',   8, 'JAVA_LONG_UNALIGNED'),
  'Int':    ('int',    'IntVector',    'INTS',    4, 'JAVA_INT_UNALIGNED'),
  'Double': ('double', 'DoubleVector', 'DOUBLES', 8, 'JAVA_DOUBLE_UNALIGNED'),
  'Float':  ('float',  'FloatVector',  'FLOATS',  4, 'JAVA_FLOAT_UNALIGNED'),
}
def isfloat(t): return t in ('Double', 'Float')
# constant ops: (op, scalar expr, vector mask expr)
def const_ops(t):
    if isfloat(t):
        return [('eq', 'x == constant', 'v.compare(VectorOperators.EQ, c)'),
                ('lt', 'x < constant', 'v.compare(VectorOperators.LT, c)'),
                ('gt', '!(x <= constant)', 'v.compare(VectorOperators.LE, c).not()')]
    return [('eq', 'x == constant', 'v.compare(VectorOperators.EQ, c)'),
            ('lt', 'x < constant', 'v.compare(VectorOperators.LT, c)'),
            ('gt', 'x > constant', 'v.compare(VectorOperators.GT, c)')]
def col_ops(t):
    if isfloat(t):
        return [('eq', 'x == y || (x != x && y != y)', 'x.compare(VectorOperators.EQ, y).or(x.test(VectorOperators.IS_NAN).and(y.test(VectorOperators.IS_NAN)))'),
                ('lt', 'x < y || (y != y && x == x)', 'x.compare(VectorOperators.LT, y).or(y.test(VectorOperators.IS_NAN).andNot(x.test(VectorOperators.IS_NAN)))')]
    return [('eq', 'x == y', 'x.compare(VectorOperators.EQ, y)'),
            ('lt', 'x < y', 'x.compare(VectorOperators.LT, y)')]
def unary_ops(t):
    if not isfloat(t): return []
    B = t
    return [('isNan', f'{B}.isNaN(x)', 'v.test(VectorOperators.IS_NAN)'),
            ('isFinite', f'{B}.isFinite(x)', 'v.test(VectorOperators.IS_FINITE)')]

iface, simd, scal = [], [], []
for t, (prim, Vec, SPEC, W, LAY) in types.items():
    for op, sx, vx in const_ops(t):
        name = f'{op}{t}'
        sig = f'MemorySegment values, long first, int length, {prim} constant, MemorySegment out'
        iface.append(f'  void {name}({sig});\n')
        scal.append(f'''  @Override
  public void {name}({sig}) {{
    {name}Words(values, first, length, constant, out, 0);
  }}

  /** Words {{@code fromWord..}} of {{@link #{name}}}; also the tail of the SIMD kernel. */
  public static void {name}Words(
      {sig}, int fromWord) {{
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {{
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {{
        {prim} x = values.get(ValueLayout.{LAY}, (first + start + bit) * {W});
        bits |= ({sx} ? 1L : 0L) << bit;
      }}
      out.set(WORD, (long) word << 3, bits);
    }}
  }}

''')
        simd.append(f'''  @Override
  public void {name}({sig}) {{
    int words = length >>> 6;
    {Vec} c = {Vec}.broadcast({SPEC}, constant);
    for (int word = 0; word < words; word++) {{
      long rowByte = (first + ((long) word << 6)) * {W};
      long bits = 0;
      for (int lane = 0; lane < 64; lane += {SPEC}.length()) {{
        {Vec} v = {Vec}.fromMemorySegment({SPEC}, values, rowByte + (long) lane * {W}, LE);
        bits |= {vx}.toLong() << lane;
      }}
      out.set(WORD, (long) word << 3, bits);
    }}
    CompareScalar.{name}Words(values, first, length, constant, out, words);
  }}

''')
    for op, sx, vx in col_ops(t):
        name = f'{op}{t}s'
        sig = 'MemorySegment left, long leftFirst, MemorySegment right, long rightFirst, int length, MemorySegment out'
        iface.append(f'  void {name}({sig});\n')
        scal.append(f'''  @Override
  public void {name}({sig}) {{
    {name}Words(left, leftFirst, right, rightFirst, length, out, 0);
  }}

  /** Words {{@code fromWord..}} of {{@link #{name}}}; also the tail of the SIMD kernel. */
  public static void {name}Words(
      {sig}, int fromWord) {{
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {{
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {{
        {prim} x = left.get(ValueLayout.{LAY}, (leftFirst + start + bit) * {W});
        {prim} y = right.get(ValueLayout.{LAY}, (rightFirst + start + bit) * {W});
        bits |= ({sx} ? 1L : 0L) << bit;
      }}
      out.set(WORD, (long) word << 3, bits);
    }}
  }}

''')
        simd.append(f'''  @Override
  public void {name}({sig}) {{
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {{
      long leftByte = (leftFirst + ((long) word << 6)) * {W};
      long rightByte = (rightFirst + ((long) word << 6)) * {W};
      long bits = 0;
      for (int lane = 0; lane < 64; lane += {SPEC}.length()) {{
        {Vec} x = {Vec}.fromMemorySegment({SPEC}, left, leftByte + (long) lane * {W}, LE);
        {Vec} y = {Vec}.fromMemorySegment({SPEC}, right, rightByte + (long) lane * {W}, LE);
        bits |= {vx}.toLong() << lane;
      }}
      out.set(WORD, (long) word << 3, bits);
    }}
    CompareScalar.{name}Words(left, leftFirst, right, rightFirst, length, out, words);
  }}

''')
    for op, sx, vx in unary_ops(t):
        name = f'{op}{t}'
        sig = 'MemorySegment values, long first, int length, MemorySegment out'
        iface.append(f'  void {name}({sig});\n')
        scal.append(f'''  @Override
  public void {name}({sig}) {{
    {name}Words(values, first, length, out, 0);
  }}

  /** Words {{@code fromWord..}} of {{@link #{name}}}; also the tail of the SIMD kernel. */
  public static void {name}Words({sig}, int fromWord) {{
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = fromWord; word < words; word++) {{
      int start = word << 6;
      int count = Math.min(64, length - start);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {{
        {prim} x = values.get(ValueLayout.{LAY}, (first + start + bit) * {W});
        bits |= ({sx} ? 1L : 0L) << bit;
      }}
      out.set(WORD, (long) word << 3, bits);
    }}
  }}

''')
        simd.append(f'''  @Override
  public void {name}({sig}) {{
    int words = length >>> 6;
    for (int word = 0; word < words; word++) {{
      long rowByte = (first + ((long) word << 6)) * {W};
      long bits = 0;
      for (int lane = 0; lane < 64; lane += {SPEC}.length()) {{
        {Vec} v = {Vec}.fromMemorySegment({SPEC}, values, rowByte + (long) lane * {W}, LE);
        bits |= {vx}.toLong() << lane;
      }}
      out.set(WORD, (long) word << 3, bits);
    }}
    CompareScalar.{name}Words(values, first, length, out, words);
  }}

''')

base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'java', 'dev', 'floe', 'kernels') + os.sep
open(base + 'CompareKernels.java', 'w').write('''package dev.floe.kernels;

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
''' + ''.join(iface) + '}\n')
open(base + 'scalar/CompareScalar.java', 'w').write('''package dev.floe.kernels.scalar;

import dev.floe.kernels.CompareKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The scalar twin of {@code CompareSimd}: one output word per 64 rows, a bit per row shifted in
 * branch-free. The {@code ...Words} methods compute from a given word on, so the SIMD kernel uses
 * them for its partial last word and both produce identical bits. Generated by kernels/codegen/gen_compare.py: edit the template, not this file.
 */
public final class CompareScalar implements CompareKernels {
  public static final CompareScalar INSTANCE = new CompareScalar();

  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private CompareScalar() {}

''' + ''.join(scal).rstrip() + '\n}\n')
open(base + 'simd/CompareSimd.java', 'w').write('''package dev.floe.kernels.simd;

import dev.floe.kernels.CompareKernels;
import dev.floe.kernels.scalar.CompareScalar;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Comparisons to bitmaps with the Vector API: 64 rows make one output word, built from
 * {@code 64 / lanes} vector compares whose masks {@code VectorMask.toLong()} shifts into place (8
 * compares of 8 longs with AVX-512). One small static-shaped method per operator and type, with a
 * constant operator, so C2 intrinsifies every compare and no vector is boxed (STACK.md). The partial
 * last word is the scalar twin's code ({@link CompareScalar}). Generated by
 * kernels/codegen/gen_compare.py: edit the template, not this file.
 */
public final class CompareSimd implements CompareKernels {
  public static final CompareSimd INSTANCE = new CompareSimd();

  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

  private CompareSimd() {}

''' + ''.join(simd).rstrip() + '\n}\n')
