/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;

/**
 * The prepared signature of a statement handle. Calcite keeps it in its package-private statement
 * registry, and a JDBC batch arrives with the handle only.
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
}
