package dev.floe.planner.plan;

import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How two frames join, with Polars' keywords ({@code DataFrame.join(other, on=, left_on=,
 * right_on=, how=, suffix=, validate=, nulls_equal=, coalesce=, maintain_order=)}). Immutable;
 * start from {@link #on}, {@link #leftOn}/{@link #rightOn} or {@link #cross()} and change it with the
 * withers: {@code JoinOptions.on("id").how(JoinType.LEFT).suffix("_r")}.
 *
 * @param leftOn the left keys (column names or expressions); empty only for a cross join
 * @param rightOn the right keys, as many as the left ones
 * @param how which rows the join keeps
 * @param suffix appended to a right column whose name the left side already uses
 * @param validate which side(s) must have unique keys; a violation fails naming the side and a key
 * @param nullsEqual whether a null key matches a null key (Polars' default: never)
 * @param coalesce whether a pair of plain-column keys becomes one output column; null is Polars'
 *     default: yes for inner, left and right joins, no for full joins
 * @param maintainOrder which input's row order the output keeps
 */
public record JoinOptions(List<Expr> leftOn, List<Expr> rightOn, JoinType how, String suffix, Validate validate,
    boolean nullsEqual, Boolean coalesce, MaintainOrder maintainOrder) {
  /** Polars' {@code validate}: which keys must be unique. */
  public enum Validate {
    /** Many to many: no check (the default). */
    MANY_TO_MANY,
    /** Left keys unique, right keys unique. */
    ONE_TO_ONE,
    /** Left keys unique. */
    ONE_TO_MANY,
    /** Right keys unique. */
    MANY_TO_ONE;

    /** Polars' spelling: {@code m:m}, {@code 1:1}, {@code 1:m}, {@code m:1}. */
    public String keyword() {
      return switch (this) {
        case MANY_TO_MANY -> "m:m";
        case ONE_TO_ONE -> "1:1";
        case ONE_TO_MANY -> "1:m";
        case MANY_TO_ONE -> "m:1";
      };
    }
  }

  /** Polars' {@code maintain_order}. */
  public enum MaintainOrder {
    /** No order promised (Floe keeps the left order, or the right one for right joins). */
    NONE,
    /** The left input's order. */
    LEFT,
    /** The right input's order. */
    RIGHT,
    /** The left order, ties (one left row's matches) in right order. */
    LEFT_RIGHT,
    /** The right order, ties in left order. */
    RIGHT_LEFT
  }

  public JoinOptions {
    leftOn = List.copyOf(leftOn);
    rightOn = List.copyOf(rightOn);
    Objects.requireNonNull(how, "how");
    Objects.requireNonNull(suffix, "suffix");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(maintainOrder, "maintainOrder");
  }

  /** Inner join on columns of the same name on both sides. */
  public static JoinOptions on(String... columns) {
    return on(Arrays.stream(columns).map(Exprs::col).toArray(Expr[]::new));
  }

  /** Inner join on the same expressions evaluated on each side. */
  public static JoinOptions on(Expr... keys) {
    return new JoinOptions(List.of(keys), List.of(keys), JoinType.INNER, "_right", Validate.MANY_TO_MANY, false,
        null, MaintainOrder.NONE);
  }

  /** Inner join with these left keys; give the right ones with {@link #rightOn}. */
  public static JoinOptions leftOn(String... columns) {
    return leftOn(Arrays.stream(columns).map(Exprs::col).toArray(Expr[]::new));
  }

  public static JoinOptions leftOn(Expr... keys) {
    return new JoinOptions(List.of(keys), List.of(), JoinType.INNER, "_right", Validate.MANY_TO_MANY, false,
        null, MaintainOrder.NONE);
  }

  /** Every pair of rows. */
  public static JoinOptions cross() {
    return new JoinOptions(List.of(), List.of(), JoinType.CROSS, "_right", Validate.MANY_TO_MANY, false, null,
        MaintainOrder.NONE);
  }

  public JoinOptions rightOn(String... columns) {
    return rightOn(Arrays.stream(columns).map(Exprs::col).toArray(Expr[]::new));
  }

  public JoinOptions rightOn(Expr... keys) {
    return new JoinOptions(leftOn, List.of(keys), how, suffix, validate, nullsEqual, coalesce, maintainOrder);
  }

  public JoinOptions how(JoinType type) {
    return new JoinOptions(leftOn, rightOn, type, suffix, validate, nullsEqual, coalesce, maintainOrder);
  }

  public JoinOptions suffix(String text) {
    return new JoinOptions(leftOn, rightOn, how, text, validate, nullsEqual, coalesce, maintainOrder);
  }

  public JoinOptions validate(Validate check) {
    return new JoinOptions(leftOn, rightOn, how, suffix, check, nullsEqual, coalesce, maintainOrder);
  }

  public JoinOptions nullsEqual(boolean equal) {
    return new JoinOptions(leftOn, rightOn, how, suffix, validate, equal, coalesce, maintainOrder);
  }

  /** Coalesce the key columns (true), keep both (false) or Polars' default for the join type (null). */
  public JoinOptions coalesce(Boolean merge) {
    return new JoinOptions(leftOn, rightOn, how, suffix, validate, nullsEqual, merge, maintainOrder);
  }

  public JoinOptions maintainOrder(MaintainOrder order) {
    return new JoinOptions(leftOn, rightOn, how, suffix, validate, nullsEqual, coalesce, order);
  }

  /** These options with both key lists set. */
  public JoinOptions withKeys(List<Expr> left, List<Expr> right) {
    return new JoinOptions(left, right, how, suffix, validate, nullsEqual, coalesce, maintainOrder);
  }

  /** Whether key pairs of plain columns become one output column for this join type. */
  public boolean coalesces() {
    return coalesce != null ? coalesce && how != JoinType.SEMI && how != JoinType.ANTI && how != JoinType.CROSS
        : how == JoinType.INNER || how == JoinType.LEFT || how == JoinType.RIGHT;
  }
}
