package dev.floe.tpch;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/** The TPC-H queries written so far: the classes {@code dev.floe.tpch.queries.Q01} to {@code Q22} present. */
public final class TpchQueries {
  private TpchQueries() {}

  /** Every query present, by number. */
  public static List<TpchQuery> all() {
    List<TpchQuery> queries = new ArrayList<>();
    for (int number = 1; number <= 22; number++) {
      TpchQuery query = find(number);
      if (query != null) {
        queries.add(query);
      }
    }
    return queries;
  }

  /** Query {@code number}, or null when it is not written yet. */
  public static TpchQuery find(int number) {
    String name = String.format("dev.floe.tpch.queries.Q%02d", number);
    try {
      return (TpchQuery) Class.forName(name).getConstructor().newInstance();
    } catch (ClassNotFoundException missing) {
      return null;
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException failure) {
      throw new IllegalStateException(name + " cannot be made: " + failure, failure);
    }
  }
}
