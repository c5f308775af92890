package dev.floe.planner.optimizer;

import dev.floe.planner.plan.LogicalPlan;

/** The result of {@link Optimizer#optimize}: the rewritten plan and how it came about. */
public record Optimized(LogicalPlan plan, OptimizerReport report) {}
