package dev.floe;

/**
 * The Python frame types a Floe frame can become in the embedded interpreter ({@link
 * DataFrame#toPython}) and that a Python function receives in {@link DataFrame#mapBatchesPython}.
 */
public enum PythonFrame {
  /** {@code pyarrow.Table} (a {@code pyarrow.RecordBatch} per batch in a UDF): Floe's buffers, no copy. */
  PYARROW("pyarrow"),
  /**
   * {@code polars.DataFrame}: numeric, boolean and temporal buffers are Floe's; Polars converts
   * string columns to its Utf8View layout, which copies them.
   */
  POLARS("polars"),
  /** {@code pandas.DataFrame}, through pyarrow's {@code to_pandas()} (a copy: pandas has its own layout). */
  PANDAS("pandas");

  private final String pythonName;

  PythonFrame(String pythonName) {
    this.pythonName = pythonName;
  }

  /** The name the Python side uses: {@code "pyarrow"}, {@code "polars"}, {@code "pandas"}. */
  public String pythonName() {
    return pythonName;
  }
}
