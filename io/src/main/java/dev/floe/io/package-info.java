/**
 * Readers and writers that decode straight into Floe's off-heap Arrow columns (no row objects, no
 * heap copies of column data) and encode from them: CSV, Arrow IPC, JSON/NDJSON and Parquet, each
 * with immutable option records in Polars' vocabulary. Writers are atomic: they write a temporary
 * file in the target directory and rename it on success. Depends on memory and kernels only.
 */
package dev.floe.io;
