/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import io.onelake.jdbc.OneLakeDatabaseMetaData;
import io.onelake.jdbc.SqlErrors;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The JDBC object factory of the driver: Calcite's connection and statements, result sets that report
 * fetch failures as SQLExceptions and keep the microseconds of timestamps, prepared statements whose
 * timestamp parameters keep them too, and database metadata that tells tools what the driver really
 * does (it writes and has transactions). It lives in Calcite's package because Calcite's connection
 * and statement base classes are package-private there, and its own JDBC 4.1 factory declares private
 * return types that a subclass cannot replace.
 */
public final class OneLakeJdbcFactory extends CalciteFactory {
  public OneLakeJdbcFactory() {
    super(4, 1);
  }

  @Override
  public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info, CalciteSchema rootSchema, JavaTypeFactory typeFactory) {
    return new OneLakeConnection((Driver) driver, factory, url, info, rootSchema, typeFactory);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new OneLakeDatabaseMetaData(connection);
  }

  @Override
  public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
    return OneLakeStatement.create(connection, h, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection,
      Meta.StatementHandle h, Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return OneLakePreparedStatement.create(connection, h, signature,
        resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public CalciteResultSet newResultSet(AvaticaStatement statement, QueryState state,
      Meta.Signature signature, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    return new OneLakeResultSet(statement, (CalcitePrepare.CalciteSignature<?>) signature,
        newResultSetMetaData(statement, signature), timeZone, firstFrame);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature) {
    return new AvaticaResultSetMetaData(statement, null, signature);
  }

  /**
   * Calcite's connection, with the one transaction isolation the driver has: every statement reads
   * the latest committed versions of its tables, which JDBC calls READ COMMITTED (Calcite reports
   * TRANSACTION_NONE and accepts any level without meaning it).
   */
  private static final class OneLakeConnection extends CalciteConnectionImpl {
    OneLakeConnection(Driver driver, AvaticaFactory factory, String url, Properties info,
        CalciteSchema rootSchema, JavaTypeFactory typeFactory) {
      super(driver, factory, url, info, rootSchema, typeFactory);
    }

    /**
     * Calcite prepares a statement without going through the Meta layer, where failures get their
     * SQLStates, and reports every failure as "Error while preparing statement" without a state or the
     * reason; tools show that message. The reason and its SQLState (SPEC §7) are given instead.
     */
    @Override
    public CalcitePreparedStatement prepareStatement(String sql, int resultSetType,
        int resultSetConcurrency, int resultSetHoldability) throws SQLException {
      try {
        return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
      } catch (SQLException e) {
        if (e.getSQLState() != null || e.getCause() == null) {
          throw e;
        }
        throw SqlErrors.toSqlException("Error while preparing statement [" + sql + "]: ",
            e.getCause());
      }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
      super.getTransactionIsolation(); // fails on a closed connection
      return TRANSACTION_READ_COMMITTED;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
      if (level != TRANSACTION_READ_COMMITTED) {
        throw new SQLFeatureNotSupportedException("transaction isolation level " + level
            + " is not supported; the driver offers TRANSACTION_READ_COMMITTED ("
            + TRANSACTION_READ_COMMITTED + ") only", "0A000");
      }
      super.setTransactionIsolation(level);
    }
  }
}
