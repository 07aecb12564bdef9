/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;

/**
 * What the driver's statements share: the prepared signature of a statement handle (Calcite keeps it
 * in its package-private statement registry, and a JDBC batch arrives with the handle only), and how a
 * failed batch is reported.
 */
public final class OneLakeStatements {
  private OneLakeStatements() {}

  public static Meta.Signature signature(AvaticaConnection connection, Meta.StatementHandle handle) {
    if (handle.signature != null) {
      return handle.signature;
    }
    try {
      return ((CalciteConnectionImpl) connection).server.getStatement(handle).getSignature();
    } catch (NoSuchStatementException e) {
      return null;
    }
  }

  /** What a JDBC method needs a statement to produce. */
  public enum Expected {
    /** {@code executeQuery}: a result set. */
    ROWS,
    /** {@code executeUpdate}: an update count, no result set. */
    UPDATE_COUNT
  }

  /**
   * Refuses a prepared statement that does not produce what the JDBC method running it expects
   * ({@link Expected}), before it runs. SQLStates as PostgreSQL's driver reports these: 02000 (no
   * data) for a statement without rows passed to {@code executeQuery}, 0100E for a query passed to
   * {@code executeUpdate}.
   */
  public static void check(Expected expected, Meta.Signature signature) throws SQLException {
    if (expected == null || signature == null || signature.statementType == null) {
      return;
    }
    boolean rows = signature.statementType == Meta.StatementType.SELECT;
    if (expected == Expected.ROWS && !rows) {
      throw new SQLException("executeQuery runs queries only; this statement returns an update count "
          + "(use executeUpdate or execute). It was not run.", "02000");
    }
    if (expected == Expected.UPDATE_COUNT && rows) {
      throw new SQLException("executeUpdate does not run queries; this statement returns rows "
          + "(use executeQuery or execute). It was not run.", "0100E");
    }
  }

  /** A JDBC batch's execution. */
  @FunctionalInterface
  interface BatchExecution {
    long[] run() throws SQLException;
  }

  /**
   * Runs a batch; a failure is a BatchUpdateException ({@link #batchFailure}). Avatica passes on a
   * failure of a {@code Statement} batch as an unchecked exception, which becomes one too.
   */
  static long[] runBatch(BatchExecution batch) throws SQLException {
    try {
      return batch.run();
    } catch (SQLException e) {
      throw batchFailure(e);
    } catch (RuntimeException e) {
      throw batchFailure(AvaticaConnection.HELPER.createException(e.getMessage(), e));
    }
  }

  /**
   * A failed batch as JDBC reports it: a {@link BatchUpdateException} with the failure's message and
   * SQLState, and no update counts, because the batch is one commit and none of its statements took
   * effect.
   */
  private static BatchUpdateException batchFailure(SQLException failure) {
    if (failure instanceof BatchUpdateException) {
      return (BatchUpdateException) failure;
    }
    return new BatchUpdateException(failure.getMessage(), failure.getSQLState(),
        failure.getErrorCode(), new long[0], failure);
  }
}
