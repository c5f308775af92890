package dev.floe.format;

/**
 * The display limits every formatter reads, as Polars' {@code Config} names them. A negative limit
 * means "no limit".
 *
 * @param tblRows rows shown before eliding the middle ones ({@code tbl_rows}, default 10)
 * @param tblCols columns shown before eliding the middle ones ({@code tbl_cols}, default 8)
 * @param strLen characters of a cell shown before cutting it with {@code …}
 *     ({@code fmt_str_lengths}, default 30 as in Polars 1.x)
 * @param listLen items of a list cell shown before eliding ({@code fmt_table_cell_list_len},
 *     default 3)
 * @param tblWidth the width in terminal columns a table wraps its cells into ({@code tbl_width};
 *     Polars uses 100 when it does not print to a terminal, as here)
 */
public record DisplayOptions(int tblRows, int tblCols, int strLen, int listLen, int tblWidth) {

  /** Polars 1.x defaults. */
  public static final DisplayOptions DEFAULTS = new DisplayOptions(10, 8, 30, 3, 100);

  public DisplayOptions withTblRows(int rows) {
    return new DisplayOptions(rows, tblCols, strLen, listLen, tblWidth);
  }

  public DisplayOptions withTblCols(int columns) {
    return new DisplayOptions(tblRows, columns, strLen, listLen, tblWidth);
  }

  public DisplayOptions withStrLen(int length) {
    return new DisplayOptions(tblRows, tblCols, length, listLen, tblWidth);
  }

  public DisplayOptions withListLen(int length) {
    return new DisplayOptions(tblRows, tblCols, strLen, length, tblWidth);
  }

  public DisplayOptions withTblWidth(int width) {
    return new DisplayOptions(tblRows, tblCols, strLen, listLen, width);
  }

  /** {@link #tblRows()} with "no limit" as {@link Long#MAX_VALUE}. */
  public long rowLimit() {
    return tblRows < 0 ? Long.MAX_VALUE : tblRows;
  }

  /** {@link #tblCols()} with "no limit" as {@link Integer#MAX_VALUE}. */
  public int columnLimit() {
    return tblCols < 0 ? Integer.MAX_VALUE : tblCols;
  }

  /** {@link #strLen()} with "no limit" as {@link Integer#MAX_VALUE}. */
  public int stringLimit() {
    return strLen < 0 ? Integer.MAX_VALUE : strLen;
  }

  /** {@link #listLen()} with "no limit" as {@link Integer#MAX_VALUE}. */
  public int listLimit() {
    return listLen < 0 ? Integer.MAX_VALUE : listLen;
  }

  /** {@link #tblWidth()} with "no limit" as 65535 (Polars' {@code u16::MAX}). */
  public int widthLimit() {
    return tblWidth < 0 ? 65_535 : tblWidth;
  }
}
