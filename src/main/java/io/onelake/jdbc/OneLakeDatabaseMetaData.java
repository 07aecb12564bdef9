/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Avatica's database metadata with the capability answers of this driver. Avatica assumes a read-only
 * engine without transactions; tools such as DBeaver read these flags to decide whether to offer
 * editing, commit/rollback buttons and isolation levels, so they must say what the driver does: it
 * writes, and with auto-commit off it stages INSERTs until {@code commit()} (docs/user-guide.md,
 * "Transactions"). Each statement reads the latest committed version of its tables, which is what
 * JDBC calls READ COMMITTED; commits are checked with Delta's WriteSerializable rules.
 */
public final class OneLakeDatabaseMetaData extends AvaticaDatabaseMetaData {
  private final AvaticaConnection connection;

  public OneLakeDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
    this.connection = connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public boolean supportsTransactions() {
    return true;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_READ_COMMITTED;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_READ_COMMITTED;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return true;
  }

  /** Only INSERTs are staged in a transaction; CREATE TABLE is refused and DROP runs at once. */
  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return true;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  /** DROP TABLE and CREATE/DROP SCHEMA run at once without committing what is staged. */
  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  /** There are no stored procedures to call. */
  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }
}
