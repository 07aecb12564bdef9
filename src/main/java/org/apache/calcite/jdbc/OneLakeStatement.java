/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/**
 * Calcite's statement, except that {@code executeQuery} and {@code executeUpdate} refuse a statement
 * of the other kind before it runs (JDBC requires the refusal; Avatica gives it only after running the
 * statement, so that an INSERT passed to {@code executeQuery} was committed and then reported as a
 * failure), and failed batches are BatchUpdateExceptions with a SQLState. It lives in Calcite's
 * package because CalciteStatement's constructor is package-private.
 */
public final class OneLakeStatement extends CalciteStatement {
  /** What the running {@code executeQuery}/{@code executeUpdate} expects, or null for execute. */
  private OneLakeStatements.Expected expected;

  private OneLakeStatement(CalciteConnectionImpl connection, Meta.StatementHandle h,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** A statement of a Calcite connection (the only kind Calcite's JDBC factory is given). */
  static OneLakeStatement create(AvaticaConnection connection, Meta.StatementHandle h,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
    return new OneLakeStatement((CalciteConnectionImpl) connection, h, resultSetType,
        resultSetConcurrency, resultSetHoldability);
  }

  /**
   * What the JDBC method running on this statement expects of it, for the Meta layer, which checks
   * the prepared statement before it runs; null when any statement is fine ({@code execute}).
   */
  public OneLakeStatements.Expected expected() {
    return expected;
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    expected = OneLakeStatements.Expected.ROWS;
    try {
      return super.executeQuery(sql);
    } finally {
      expected = null;
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    expected = OneLakeStatements.Expected.UPDATE_COUNT;
    try {
      return super.executeLargeUpdate(sql);
    } finally {
      expected = null;
    }
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    return OneLakeStatements.runBatch(super::executeLargeBatch);
  }
}
