/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Builds the text of a failed record: where it is ({@code path:line}, which IDEs and terminals make clickable),
 * what ran, and what differed. Result lines are printed unindented with their tabs, so the actual block can be
 * pasted into the test file when the new output is the right one.
 */
public final class FailureReport {
  private final StringBuilder text = new StringBuilder();

  private FailureReport(String location, String headline, String backend, String sql) {
    text.append(location).append(": ").append(headline).append(" [backend: ").append(backend).append(']');
    text.append("\nSQL:\n").append(sql);
  }

  /** Starts a report with the record's location, a one-line summary, the backend and the SQL that ran. */
  public static FailureReport of(
      SqlLogicTestFile file, SqlLogicTestRecord record, String headline, String backend, String sql) {
    requireNonNull(file, "file");
    requireNonNull(record, "record");
    return new FailureReport(
        location(file, record), requireNonNull(headline), requireNonNull(backend), requireNonNull(sql));
  }

  /** {@code path:line} of a record. */
  public static String location(SqlLogicTestFile file, SqlLogicTestRecord record) {
    return file.path() + ":" + record.line();
  }

  /** Adds a titled block of lines, e.g. the expected or actual result. */
  public FailureReport lines(String title, List<String> lines) {
    text.append('\n').append(title).append(':');
    if (lines.isEmpty()) {
      text.append(" (none)");
    }
    for (String line : lines) {
      text.append('\n').append(line);
    }
    return this;
  }

  /** Adds one line of explanation. */
  public FailureReport line(String line) {
    text.append('\n').append(line);
    return this;
  }

  /** Adds the exception chain. */
  public FailureReport exception(Throwable throwable) {
    text.append("\nException: ").append(SqlExceptions.describe(throwable));
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
