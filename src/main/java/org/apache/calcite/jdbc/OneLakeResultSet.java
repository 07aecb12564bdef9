/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import io.onelake.jdbc.SqlErrors;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * Calcite's result set, except that a failure while rows are fetched (a storage error, a bad cast in
 * a row) is a {@link SQLException} with its SQLState, as JDBC requires, instead of a raw runtime
 * exception. It lives in Calcite's package only because CalciteResultSet's constructor is
 * package-private.
 */
public final class OneLakeResultSet extends CalciteResultSet {
  public OneLakeResultSet(AvaticaStatement statement, CalcitePrepare.CalciteSignature<?> signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, signature, metaData, timeZone, firstFrame);
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
  }
}
