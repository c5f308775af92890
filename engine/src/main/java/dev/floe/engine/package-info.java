/** Evaluation of expressions and plans over columns, with the kernels. */
package dev.floe.engine;
