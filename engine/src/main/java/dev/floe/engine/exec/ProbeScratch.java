package dev.floe.engine.exec;

/**
 * A pool thread's working arrays for probing join morsels ({@link ProbeJoin}): the key hashes, the
 * pair lists, the kept rows of a semi or anti join and the looked-up groups, reused from morsel to morsel instead of
 * allocated per morsel. A join of 10M probe rows otherwise left about 150 MB of these on the Java
 * heap per query (pair lists growing by doubling), held until the next collection, which raised
 * the process' peak above the output it built. Arrays grown past {@link #KEEP} entries by an
 * unusual morsel (many matches per row) are dropped after it rather than kept for good. Reentry on
 * the same thread (not expected: probing submits no pool work) gets fresh arrays.
 */
final class ProbeScratch {
  /** The most entries an array keeps between morsels (4 MiB of ints). */
  static final int KEEP = 1 << 20;

  private static final ThreadLocal<ProbeScratch> PER_THREAD = ThreadLocal.withInitial(ProbeScratch::new);

  final JoinProbe.Pairs pairs = new JoinProbe.Pairs();
  private int[] kept = new int[0];
  private int[] groups = new int[0];
  private long[] hashes = new long[0];
  private boolean inUse;

  private ProbeScratch() {}

  /** This thread's scratch (emptied), or a fresh one when it is in use; {@link #release} it after. */
  static ProbeScratch acquire() {
    ProbeScratch scratch = PER_THREAD.get();
    if (scratch.inUse) {
      scratch = new ProbeScratch();
    }
    scratch.inUse = true;
    scratch.pairs.size = 0;
    return scratch;
  }

  /** An array of at least {@code rows} kept rows (contents undefined). */
  int[] kept(int rows) {
    if (kept.length < rows) {
      kept = new int[rows];
    }
    return kept;
  }

  /** An array of at least {@code rows} group ids (contents undefined). */
  int[] groups(int rows) {
    if (groups.length < rows) {
      groups = new int[rows];
    }
    return groups;
  }

  /** An array of at least {@code rows} hashes (contents undefined). */
  long[] hashes(int rows) {
    if (hashes.length < rows) {
      hashes = new long[rows];
    }
    return hashes;
  }

  /** Done with the arrays: they may serve the thread's next morsel. */
  void release() {
    if (pairs.probe.length > KEEP) {
      pairs.probe = new int[64];
      pairs.build = new int[64];
    }
    if (kept.length > KEEP) {
      kept = new int[0];
    }
    if (groups.length > KEEP) {
      groups = new int[0];
    }
    if (hashes.length > KEEP) {
      hashes = new long[0];
    }
    pairs.size = 0;
    inUse = false;
  }
}
