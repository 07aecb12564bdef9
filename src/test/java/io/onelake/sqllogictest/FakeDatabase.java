/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A scripted stand-in for a JDBC driver, built from {@link Proxy}s: each SQL text maps to a response. Only the
 * methods the runner needs are implemented; any other call fails loudly, so a test notices when the runner
 * starts relying on more of JDBC than the fake covers.
 */
final class FakeDatabase {
  /** What executing one SQL text does. */
  sealed interface Response permits Rows, UpdateCount, Failure {}

  /**
   * A result set. {@code failAfterRows} ≥ 0 makes {@code next()} throw {@code fetchError} once that many rows
   * were returned, like a driver that fails lazily.
   */
  record Rows(List<Integer> sqlTypes, List<List<Object>> rows, int failAfterRows, SQLException fetchError)
      implements Response {
    Rows {
      sqlTypes = List.copyOf(sqlTypes);
      rows = List.copyOf(rows);
    }
  }

  record UpdateCount(int count) implements Response {}

  /** Thrown by every execute method: an SQLException or, to test driver bugs, a RuntimeException. */
  record Failure(Exception exception) implements Response {}

  /** The SQL type used for plain values in tests where the type does not matter. */
  static final int ANY = Types.OTHER;

  private final Map<String, Response> responses;
  private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
  private final List<String> closed = Collections.synchronizedList(new ArrayList<>());

  FakeDatabase(Map<String, Response> responses) {
    this.responses = Map.copyOf(responses);
  }

  @SafeVarargs
  static Rows rows(List<Integer> sqlTypes, List<Object>... rows) {
    return new Rows(sqlTypes, List.of(rows), -1, null);
  }

  /** A row whose values may include null (which {@code List.of} refuses). */
  static List<Object> row(Object... values) {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  static List<Integer> types(int... sqlTypes) {
    List<Integer> list = new ArrayList<>();
    for (int type : sqlTypes) {
      list.add(type);
    }
    return list;
  }

  static UpdateCount count(int count) {
    return new UpdateCount(count);
  }

  static Failure failure(Exception exception) {
    return new Failure(exception);
  }

  /** The SQL texts executed so far, in order. */
  List<String> executed() {
    return List.copyOf(executed);
  }

  /** Names of the JDBC objects closed so far ("connection", "statement", "resultSet"). */
  List<String> closed() {
    return List.copyOf(closed);
  }

  Connection connection() {
    return proxy(
        Connection.class,
        (proxy, method, args) ->
            switch (method.getName()) {
              case "createStatement" -> statement();
              case "close" -> {
                closed.add("connection");
                yield null;
              }
              default -> objectMethod(proxy, method.getName(), args);
            });
  }

  private Statement statement() {
    ResultSet[] current = new ResultSet[1];
    return proxy(
        Statement.class,
        (proxy, method, args) ->
            switch (method.getName()) {
              case "execute" -> {
                Response response = respond((String) args[0]);
                if (response instanceof Rows rows) {
                  current[0] = resultSet(rows);
                  yield true;
                }
                yield false;
              }
              case "executeQuery" -> {
                if (!(respond((String) args[0]) instanceof Rows rows)) {
                  throw new SQLException("not a query: " + args[0], "42000");
                }
                yield resultSet(rows);
              }
              case "executeUpdate" -> {
                if (!(respond((String) args[0]) instanceof UpdateCount count)) {
                  throw new SQLException("not an update: " + args[0], "42000");
                }
                yield count.count();
              }
              case "getResultSet" -> current[0];
              case "close" -> {
                closed.add("statement");
                yield null;
              }
              default -> objectMethod(proxy, method.getName(), args);
            });
  }

  private Response respond(String sql) throws Exception {
    executed.add(sql);
    Response response = responses.get(sql);
    if (response == null) {
      throw new SQLException("fake database has no response for: " + sql, "42000");
    }
    if (response instanceof Failure failure) {
      throw failure.exception();
    }
    return response;
  }

  private ResultSet resultSet(Rows rows) {
    int[] position = {-1};
    boolean[] lastWasNull = {false};
    ResultSetMetaData metaData =
        proxy(
            ResultSetMetaData.class,
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getColumnCount" -> rows.sqlTypes().size();
                  case "getColumnType" -> rows.sqlTypes().get((Integer) args[0] - 1);
                  case "getColumnLabel", "getColumnName" -> "C" + args[0];
                  default -> objectMethod(proxy, method.getName(), args);
                });
    return proxy(
        ResultSet.class,
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "next":
              if (rows.failAfterRows() >= 0 && position[0] + 1 >= rows.failAfterRows()) {
                throw rows.fetchError();
              }
              position[0]++;
              return position[0] < rows.rows().size();
            case "getMetaData":
              return metaData;
            case "getObject":
            case "getString":
            case "getBytes":
              {
                Object value = rows.rows().get(position[0]).get((Integer) args[0] - 1);
                lastWasNull[0] = value == null;
                if (method.getName().equals("getString") && value != null) {
                  return value instanceof byte[] ? "<bytes as string>" : value.toString();
                }
                if (method.getName().equals("getBytes") && value != null && !(value instanceof byte[])) {
                  throw new SQLException("not binary", "22000");
                }
                return value;
              }
            case "wasNull":
              return lastWasNull[0];
            case "close":
              closed.add("resultSet");
              return null;
            default:
              return objectMethod(proxy, method.getName(), args);
          }
        });
  }

  private static Object objectMethod(Object proxy, String name, Object[] args) {
    return switch (name) {
      case "toString" -> "FakeDatabase proxy";
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default -> throw new UnsupportedOperationException("fake JDBC does not implement " + name);
    };
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    requireNonNull(handler);
    return type.cast(Proxy.newProxyInstance(FakeDatabase.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
