/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake;

import static java.util.Objects.requireNonNull;

/**
 * A failure with a known SQLState (SPEC §7), raised anywhere in the driver and turned into a
 * {@link java.sql.SQLException} with that state at the JDBC boundary.
 */
public class OneLakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Syntax error or access rule violation. */
  public static final String SYNTAX = "42000";
  public static final String TABLE_NOT_FOUND = "42S02";
  public static final String TABLE_EXISTS = "42S01";
  public static final String COLUMN_NOT_FOUND = "42S22";
  public static final String SCHEMA_NOT_FOUND = "3F000";
  public static final String DATA = "22000";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  public static final String INVALID_DATETIME = "22007";
  public static final String INVALID_CAST = "22018";
  public static final String INVALID_PARAMETER_VALUE = "22023";
  public static final String NOT_NULL_VIOLATION = "23502";
  public static final String CARDINALITY = "21000";
  public static final String SERIALIZATION_FAILURE = "40001";
  /** A write on a read-only connection (SQL's "read-only SQL-transaction"). */
  public static final String READ_ONLY = "25006";
  public static final String CONNECTION = "08001";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String INTERNAL = "XX000";
  public static final String INVALID_CONNECTION_PROPERTY = "08004";

  private final String sqlState;

  public OneLakeException(String sqlState, String message) {
    super(message);
    this.sqlState = requireNonNull(sqlState, "sqlState");
  }

  public OneLakeException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = requireNonNull(sqlState, "sqlState");
  }

  public String sqlState() {
    return sqlState;
  }

  public static OneLakeException unsupported(String what) {
    return new OneLakeException(FEATURE_NOT_SUPPORTED, what + " is not supported yet");
  }
}
