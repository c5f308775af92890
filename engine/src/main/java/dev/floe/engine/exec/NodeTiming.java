package dev.floe.engine.exec;

/**
 * One node of a profiled query ({@code LazyFrame.profile()}): its plan text (a fused pipeline
 * lists its nodes top first, joined by " <- "), when it started and ended in microseconds since the
 * query started (a node's interval contains its inputs', as in Polars' profile), the rows it
 * produced, and the most bytes its own operators held at once (not its inputs'; for a pipeline,
 * its operators' together).
 */
public record NodeTiming(String node, long startMicros, long endMicros, long rows, long peakBytes) {}
