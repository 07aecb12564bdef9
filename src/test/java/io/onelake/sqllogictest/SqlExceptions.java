/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Looks through an exception's cause chain. Drivers often wrap the exception that carries the SQLState or the
 * useful message, so {@code statement error} checks the whole chain, not only the outermost exception.
 */
public final class SqlExceptions {
  private SqlExceptions() {}

  /** The exception and its causes, outermost first; stops at a cycle. */
  public static List<Throwable> chain(Throwable throwable) {
    requireNonNull(throwable, "throwable");
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = throwable; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** The SQLState of the first {@link SQLException} in the chain that has one. */
  public static Optional<String> sqlState(Throwable throwable) {
    for (Throwable t : chain(throwable)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code actual} satisfies {@code expected}: a 5-character state must be equal, a 2-character class
   * must be its prefix.
   */
  public static boolean sqlStateMatches(String expected, Optional<String> actual) {
    requireNonNull(expected, "expected");
    requireNonNull(actual, "actual");
    if (actual.isEmpty()) {
      return false;
    }
    return expected.length() == 2 ? actual.get().startsWith(expected) : actual.get().equals(expected);
  }

  /** Whether any message in the chain contains {@code fragment}, ignoring case. */
  public static boolean anyMessageContains(Throwable throwable, String fragment) {
    requireNonNull(fragment, "fragment");
    String needle = fragment.toLowerCase(Locale.ROOT);
    for (Throwable t : chain(throwable)) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /** One line per exception in the chain: class, SQLState if any, message. For failure messages. */
  public static String describe(Throwable throwable) {
    StringBuilder out = new StringBuilder();
    for (Throwable t : chain(throwable)) {
      if (out.length() > 0) {
        out.append("\n  caused by ");
      }
      out.append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        out.append(" [SQLState ").append(sql.getSQLState()).append(']');
      }
      out.append(": ").append(t.getMessage());
    }
    return out.toString();
  }
}
