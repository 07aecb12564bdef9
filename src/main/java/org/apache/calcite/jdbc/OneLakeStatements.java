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

  /**
   * A failed batch as JDBC reports it: a {@link BatchUpdateException} with the failure's message and
   * SQLState, and no update counts, because the batch is one commit and none of its statements took
   * effect.
   */
  static BatchUpdateException batchFailure(SQLException failure) {
    if (failure instanceof BatchUpdateException) {
      return (BatchUpdateException) failure;
    }
    return new BatchUpdateException(failure.getMessage(), failure.getSQLState(),
        failure.getErrorCode(), new long[0], failure);
  }
}
