/**
 * The 22 TPC-H queries in Floe's lazy API, one class each ({@code Q01} to {@code Q22}), written
 * from the query definitions of the TPC-H specification as a Polars user would write them.
 */
package dev.floe.tpch.queries;
