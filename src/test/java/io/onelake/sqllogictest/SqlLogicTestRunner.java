/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the records of one test file, in order, on one connection, and fails with an
 * {@link AssertionFailedError} at the first record that does not behave as written. It knows nothing about
 * the backend beyond its name, which {@code skipif}/{@code onlyif} compare against.
 */
public final class SqlLogicTestRunner {
  private final String backendName;
  private final Placeholders placeholders;

  /**
   * @param backendName the name {@code skipif}/{@code onlyif} lines refer to, e.g. {@code local}
   * @param variables values for {@code ${NAME}} placeholders in SQL and expected text
   */
  public SqlLogicTestRunner(String backendName, Map<String, String> variables) {
    this.backendName = requireNonNull(backendName, "backendName");
    this.placeholders = new Placeholders(variables);
  }

  /**
   * Runs every record that applies to this runner's backend until the end of the file or a {@code halt}.
   * The connection stays open; its owner closes it.
   *
   * @throws AssertionFailedError for the first failing record, with file, line, SQL, expected and actual
   */
  public void run(SqlLogicTestFile file, Connection connection) {
    requireNonNull(file, "file");
    requireNonNull(connection, "connection");
    for (SqlLogicTestRecord record : file.records()) {
      if (!record.appliesTo(backendName)) {
        continue;
      }
      if (record instanceof HaltRecord) {
        return;
      }
      new RecordRun(file, record, connection).run();
    }
  }

  /** The execution of one record; holds what every failure message needs. */
  private final class RecordRun {
    private final SqlLogicTestFile file;
    private final SqlLogicTestRecord record;
    private final Connection connection;

    RecordRun(SqlLogicTestFile file, SqlLogicTestRecord record, Connection connection) {
      this.file = file;
      this.record = record;
      this.connection = connection;
    }

    void run() {
      if (record instanceof StatementRecord statement) {
        runOk(substitute(statement.sql()));
      } else if (record instanceof StatementCountRecord count) {
        runCount(substitute(count.sql()), count.count());
      } else if (record instanceof StatementErrorRecord error) {
        runError(
            substitute(error.sql()), error.sqlState(), error.messageFragment().map(this::substitute));
      } else if (record instanceof QueryRecord query) {
        runQuery(query, substitute(query.sql()));
      } else {
        throw new IllegalStateException("unhandled record " + record);
      }
    }

    private void runOk(String sql) {
      try (Statement statement = connection.createStatement()) {
        executeAndDrain(statement, sql);
      } catch (SQLException | RuntimeException e) {
        throw failure(report("statement failed", sql).exception(e), e);
      }
    }

    private void runCount(String sql, long expected) {
      long actual;
      try (Statement statement = connection.createStatement()) {
        actual = statement.executeUpdate(sql);
      } catch (SQLException | RuntimeException e) {
        throw failure(report("statement failed", sql).exception(e), e);
      }
      if (actual != expected) {
        String message =
            report("wrong update count", sql)
                .line("Expected count: " + expected)
                .line("Actual count: " + actual)
                .toString();
        throw new AssertionFailedError(message, expected, actual);
      }
    }

    private void runError(String sql, Optional<String> sqlState, Optional<String> messageFragment) {
      Statement statement;
      try {
        statement = connection.createStatement();
      } catch (SQLException | RuntimeException e) {
        // Not the error the record expects: that one must come from running the SQL.
        throw failure(report("could not create a statement", sql).exception(e), e);
      }
      SQLException caught = null;
      try (statement) {
        executeAndDrain(statement, sql);
      } catch (SQLException e) {
        caught = e;
      } catch (RuntimeException e) {
        // JDBC promises SQLException; anything else escaping the driver is a bug in the driver.
        throw failure(report("expected an SQLException but got " + e.getClass().getName(), sql).exception(e), e);
      }
      if (caught == null) {
        throw failure(report("statement succeeded but an error was expected", sql), null);
      }
      Optional<String> actualState = SqlExceptions.sqlState(caught);
      if (sqlState.isPresent() && !SqlExceptions.sqlStateMatches(sqlState.get(), actualState)) {
        String message =
            report("wrong SQLState", sql)
                .line("Expected SQLState: " + sqlState.get() + (sqlState.get().length() == 2 ? "xxx" : ""))
                .line("Actual SQLState: " + actualState.orElse("(none)"))
                .exception(caught)
                .toString();
        throw new AssertionFailedError(message, sqlState.get(), actualState.orElse(null), caught);
      }
      if (messageFragment.isPresent() && !SqlExceptions.anyMessageContains(caught, messageFragment.get())) {
        throw failure(
            report("error message does not contain the expected text", sql)
                .line("Expected text: " + messageFragment.get())
                .exception(caught),
            caught);
      }
    }

    private void runQuery(QueryRecord query, String sql) {
      List<List<String>> rows;
      int columnCount;
      try (Statement statement = connection.createStatement();
          ResultSet resultSet = statement.executeQuery(sql)) {
        columnCount = resultSet.getMetaData().getColumnCount();
        rows = ResultRows.read(resultSet, query.types());
      } catch (SQLException | RuntimeException e) {
        throw failure(report("query failed", sql).exception(e), e);
      }
      List<String> expectedLines = new ArrayList<>();
      for (String line : query.expectedLines()) {
        expectedLines.add(substitute(line));
      }
      List<String> expected = ResultLines.expected(expectedLines, query.sortMode());
      List<String> actual = ResultLines.actual(rows, query.sortMode());
      if (columnCount != query.types().size()) {
        String message =
            report(
                    "query returned "
                        + columnCount
                        + " columns but the record declares "
                        + query.types().size(),
                    sql)
                .lines("Expected " + describe(query, expected.size()), expected)
                .lines("Actual " + describe(query, actual.size()), actual)
                .toString();
        throw new AssertionFailedError(message, String.join("\n", expected), String.join("\n", actual));
      }
      if (!expected.equals(actual)) {
        String message =
            report("query result differs", sql)
                .lines("Expected " + describe(query, expected.size()), expected)
                .lines("Actual " + describe(query, actual.size()), actual)
                .line(firstDifference(expected, actual))
                .toString();
        throw new AssertionFailedError(message, String.join("\n", expected), String.join("\n", actual));
      }
    }

    /** Runs the SQL and reads any result set to its end: some errors only surface while rows are fetched. */
    private void executeAndDrain(Statement statement, String sql) throws SQLException {
      if (statement.execute(sql)) {
        try (ResultSet resultSet = statement.getResultSet()) {
          while (resultSet.next()) {
            // only fetching matters
          }
        }
      }
    }

    private String substitute(String text) {
      try {
        return placeholders.substitute(text);
      } catch (IllegalArgumentException e) {
        throw new AssertionFailedError(FailureReport.location(file, record) + ": " + e.getMessage(), e);
      }
    }

    private FailureReport report(String headline, String sql) {
      return FailureReport.of(file, record, headline, backendName, sql);
    }

    private AssertionFailedError failure(FailureReport report, Throwable cause) {
      return new AssertionFailedError(report.toString(), cause);
    }
  }

  private static String describe(QueryRecord query, int size) {
    String unit = query.sortMode() == SortMode.VALUESORT ? " values" : " rows";
    return "("
        + size
        + unit
        + ", "
        + query.sortMode().keyword()
        + query.label().map(label -> ", label " + label).orElse("")
        + ")";
  }

  private static String firstDifference(List<String> expected, List<String> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return "First difference at line "
            + (i + 1)
            + ": expected <"
            + expected.get(i)
            + "> but was <"
            + actual.get(i)
            + ">";
      }
    }
    return expected.size() > actual.size()
        ? "Missing from the actual result from line " + (common + 1) + ": <" + expected.get(common) + ">"
        : "Unexpected in the actual result from line " + (common + 1) + ": <" + actual.get(common) + ">";
  }
}
