/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.TableResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Gives every failure the SQLState of SPEC §7 at the JDBC boundary. Avatica keeps the state of an
 * {@link AvaticaClientRuntimeException}, so failures leave the Meta layer in that form.
 */
public final class SqlErrors {
  static final String CANCELLED = "57014";
  static final String IO_ERROR = "58030";
  static final String GENERAL = "HY000";
  /**
   * Storage or Entra ID refused the credential. SPEC §7 puts authentication failures in class 08;
   * 08004 is "the server rejected the establishment of the connection".
   */
  public static final String AUTHENTICATION_FAILED = "08004";
  /** Statement completion unknown. */
  static final String COMPLETION_UNKNOWN = "40003";

  private SqlErrors() {}

  /** The failure as a SQLException with its SQLState (0A000 as SQLFeatureNotSupportedException). */
  public static SQLException toSqlException(Throwable failure) {
    if (failure instanceof SQLException) {
      return (SQLException) failure;
    }
    return toSqlException("", failure);
  }

  /** As {@link #toSqlException(Throwable)}, the message after {@code context} (e.g. the statement). */
  public static SQLException toSqlException(String context, Throwable failure) {
    Classified classified = classify(failure);
    String message = context + classified.message();
    if (OneLakeException.FEATURE_NOT_SUPPORTED.equals(classified.sqlState())) {
      return new java.sql.SQLFeatureNotSupportedException(message, classified.sqlState(), failure);
    }
    return new SQLException(message, classified.sqlState(), failure);
  }

  static RuntimeException translate(Throwable failure) {
    if (failure instanceof AvaticaClientRuntimeException) {
      return (AvaticaClientRuntimeException) failure;
    }
    Classified classified = classify(failure);
    return new AvaticaClientRuntimeException(classified.message(), 0, classified.sqlState(),
        AvaticaSeverity.ERROR, List.of(stackTrace(failure)), null);
  }

  /** The SQLState and message of the most specific cause. */
  static Classified classify(Throwable failure) {
    // Kernel and Calcite wrap storage errors in their own exceptions; a refused credential must still
    // be reported as such, whatever wraps it (but the driver's own exception already says what it is).
    for (Throwable t = failure; t != null && t.getCause() != t && !(t instanceof OneLakeException); t = t.getCause()) {
      if (t instanceof io.onelake.auth.AuthFailedException
          || t instanceof com.azure.core.exception.ClientAuthenticationException) {
        return new Classified(AUTHENTICATION_FAILED, "Authentication failed: " + t.getMessage());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OneLakeException) {
        return new Classified(((OneLakeException) t).sqlState(), t.getMessage());
      }
      if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
        return new Classified(((SQLException) t).getSQLState(), t.getMessage());
      }
      if (t instanceof TableResolver.ObjectNotFoundException
          || t instanceof DeltaTable.TableNotFoundException) {
        return new Classified(OneLakeException.TABLE_NOT_FOUND, t.getMessage());
      }
      if (t.getMessage() != null && t.getMessage().contains("Cannot access non-final local variable")) {
        // Calcite 1.42 cannot generate code for TRY_CAST of a CASE expression (outer-join columns of
        // a VALUES list become one); it is our onelake_safe_cast that asked for the TRY_CAST.
        return new Classified(OneLakeException.FEATURE_NOT_SUPPORTED, "onelake_safe_cast cannot be "
            + "applied to a CASE expression or to an outer-joined VALUES column in this statement; "
            + "turn onelake_safe_cast off, or read the values from a table or subquery instead");
      }
      if (t instanceof CalciteContextException) {
        return new Classified(validationState(t.getMessage()), t.getMessage());
      }
      if (t instanceof SqlParseException) {
        return new Classified(OneLakeException.SYNTAX, t.getMessage());
      }
      if (t instanceof io.onelake.delta.TableDroppedException) {
        return new Classified(OneLakeException.TABLE_NOT_FOUND, t.getMessage());
      }
      if (t instanceof io.onelake.delta.CommitOutcomeUnknownException) {
        return new Classified(COMPLETION_UNKNOWN, t.getMessage());
      }
      if (t instanceof io.onelake.delta.WriteConflictException
          || t instanceof DeltaTable.DefinitionChangedException) {
        return new Classified(OneLakeException.SERIALIZATION_FAILURE, t.getMessage());
      }
      // Kernel's own conflicts (a concurrent change of the metadata or protocol, or too many
      // concurrent appends to rebase over): nothing was committed, and running it again may succeed.
      if (t instanceof io.delta.kernel.exceptions.ConcurrentWriteException
          || t instanceof io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException) {
        return new Classified(OneLakeException.SERIALIZATION_FAILURE, t.getMessage());
      }
      if (t instanceof TableAlreadyExistsException) {
        return new Classified(OneLakeException.TABLE_EXISTS, t.getMessage());
      }
      if (t instanceof DeltaTypes.UnsupportedTypeException || t instanceof UnsupportedOperationException) {
        return new Classified(OneLakeException.FEATURE_NOT_SUPPORTED, t.getMessage());
      }
      if (t instanceof io.delta.kernel.exceptions.UnsupportedTableFeatureException
          || t instanceof io.delta.kernel.exceptions.UnsupportedProtocolVersionException) {
        return new Classified(OneLakeException.FEATURE_NOT_SUPPORTED, t.getMessage());
      }
      if (t instanceof ArithmeticException) {
        return new Classified(OneLakeException.NUMERIC_OUT_OF_RANGE, "Numeric value out of range: "
            + t.getMessage());
      }
      if (t instanceof NumberFormatException) {
        return new Classified(OneLakeException.INVALID_CAST, "Invalid number: " + t.getMessage());
      }
      if (t instanceof DateTimeParseException) {
        return new Classified(OneLakeException.INVALID_DATETIME, t.getMessage());
      }
      if (t instanceof io.onelake.catalog.DeltaScanSource.StatementCancelledException) {
        return new Classified(CANCELLED, t.getMessage());
      }
      if (t instanceof KernelException) {
        return new Classified(GENERAL, t.getMessage());
      }
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return new Classified(IO_ERROR, "Storage error: " + t.getMessage());
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.toString();
    if (message.contains("out of range") || message.contains("Value out of")) {
      return new Classified(OneLakeException.NUMERIC_OUT_OF_RANGE, message);
    }
    return new Classified(GENERAL, message);
  }

  private static String validationState(String message) {
    if (message == null) {
      return OneLakeException.SYNTAX;
    }
    if (message.contains("Object '") && message.contains("not found")) {
      return OneLakeException.TABLE_NOT_FOUND;
    }
    if (message.contains("Column '") && message.contains("not found")) {
      return OneLakeException.COLUMN_NOT_FOUND;
    }
    return OneLakeException.SYNTAX;
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  record Classified(String sqlState, String message) {}
}
