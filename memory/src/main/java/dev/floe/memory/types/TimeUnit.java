package dev.floe.memory.types;

/** Arrow's time units, with the number of units per second and Polars' display suffix. */
public enum TimeUnit {
  SECOND(1L, "s"),
  MILLISECOND(1_000L, "ms"),
  MICROSECOND(1_000_000L, "μs"),
  NANOSECOND(1_000_000_000L, "ns");

  private final long perSecond;
  private final String suffix;

  TimeUnit(long perSecond, String suffix) {
    this.perSecond = perSecond;
    this.suffix = suffix;
  }

  /** How many of this unit make one second. */
  public long perSecond() {
    return perSecond;
  }

  /** The short name Polars prints ({@code ms}, {@code μs}, ...). */
  public String suffix() {
    return suffix;
  }
}
