/** Expressions, logical plans, analysis and optimization. Never imports the engine. */
package dev.floe.planner;
