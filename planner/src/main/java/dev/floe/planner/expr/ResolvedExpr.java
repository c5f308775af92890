package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/**
 * An expression checked against a schema: no selectors, aliases or name maps left, every implicit
 * cast explicit, every literal typed.
 *
 * @param expr the tree to evaluate
 * @param name the output column name (Polars' rules: alias, else the leftmost column, else
 *     "literal")
 * @param type the output type
 * @param scalar true when the result has one row (a reduction or a literal) and broadcasts
 */
public record ResolvedExpr(Expr expr, String name, DataType type, boolean scalar) {}
