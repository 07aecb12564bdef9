/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import io.onelake.jdbc.TimestampParameters;
import io.onelake.sql.BatchStream;
import io.onelake.sql.CommandSignature;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calcite's prepared statement, except that timestamp parameters keep their microseconds: Avatica
 * stores a {@link Timestamp} parameter as milliseconds and fails on {@code java.time} values, so they
 * are stored as the wall-clock value of the session time zone instead ({@link TimestampParameters}).
 * It lives in Calcite's package only because CalcitePreparedStatement is package-private.
 */
public final class OneLakePreparedStatement extends CalcitePreparedStatement {
  private static final Logger LOG = LoggerFactory.getLogger(OneLakePreparedStatement.class);
  /** A power of two: DATE parameters remembered, direct-mapped by instant (see {@link #setDate}). */
  private static final int REMEMBERED_DATE_BITS = 12;
  private static final int REMEMBERED_DATES = 1 << REMEMBERED_DATE_BITS;
  private final long[] dateInstants = new long[REMEMBERED_DATES];
  private final TypedValue[] dateValues = new TypedValue[REMEMBERED_DATES];
  /** The rows of the current batch as they are written, if the statement streams them. */
  private BatchStream stream;
  /** Whether the current batch tried to open its stream (once per batch). */
  private boolean streamTried;

  private OneLakePreparedStatement(CalciteConnectionImpl connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** A statement of a Calcite connection (the only kind Calcite's JDBC factory is given). */
  public static OneLakePreparedStatement create(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return new OneLakePreparedStatement((CalciteConnectionImpl) connection, h, signature, resultSetType,
        resultSetConcurrency, resultSetHoldability);
  }

  // The setters a JDBC batch calls for every value: what Avatica's AvaticaSite would store, without
  // making an AvaticaSite per call.

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    slots[slot(parameterIndex)] = TypedValue.ofJdbc(ColumnMetaData.Rep.LONG, x, null);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    slots[slot(parameterIndex)] = TypedValue.ofJdbc(ColumnMetaData.Rep.INTEGER, x, null);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    slots[slot(parameterIndex)] = TypedValue.ofJdbc(ColumnMetaData.Rep.STRING, x, null);
  }

  @Override
  public void setBigDecimal(int parameterIndex, java.math.BigDecimal x) throws SQLException {
    slots[slot(parameterIndex)] = TypedValue.ofJdbc(ColumnMetaData.Rep.NUMBER, x, null);
  }

  /** Runs a query; a statement that returns no rows is refused before it runs (JDBC). */
  @Override
  public ResultSet executeQuery() throws SQLException {
    checkOpen();
    OneLakeStatements.check(OneLakeStatements.Expected.ROWS, getSignature());
    return super.executeQuery();
  }

  /** Runs a statement that returns an update count; a query is refused before it runs (JDBC). */
  @Override
  public long executeLargeUpdate() throws SQLException {
    checkOpen();
    OneLakeStatements.check(OneLakeStatements.Expected.UPDATE_COUNT, getSignature());
    return super.executeLargeUpdate();
  }

  /**
   * Keeps the parameters for the batch and, where the statement can (an INSERT of parameters in
   * auto-commit mode, {@link BatchStream}), writes them at once, so that Parquet encoding overlaps the
   * application's binding. The parameter sets stay in the batch as well: if the stream fails or no
   * longer applies when the batch runs, the batch runs from them the ordinary way.
   */
  @Override
  public void addBatch() throws SQLException {
    super.addBatch();
    if (!streamTried) {
      streamTried = true;
      stream = openStream();
    }
    if (stream != null) {
      try {
        stream.add(parameterValueBatch.get(parameterValueBatch.size() - 1));
      } catch (RuntimeException e) {
        LOG.debug("Batch rows are no longer streamed; the batch runs from its parameters", e);
        discardStream();
      }
    }
  }

  private BatchStream openStream() {
    CommandSignature.BatchCommand command = CommandSignature.batchCommand(getSignature());
    if (command == null) {
      return null;
    }
    try {
      return command.stream().orElse(null);
    } catch (RuntimeException e) {
      // The batch reports it when it runs (a read-only connection, a dropped table, ...).
      LOG.debug("Batch rows are not streamed; the batch runs from its parameters", e);
      return null;
    }
  }

  /** The stream of the batch being added to, handed to the Meta layer that runs the batch. */
  public BatchStream takeBatchStream() {
    BatchStream taken = stream;
    stream = null;
    return taken;
  }

  private void discardStream() {
    BatchStream discarded = stream;
    stream = null;
    if (discarded != null) {
      discarded.close();
    }
  }

  @Override
  public void clearBatch() throws SQLException {
    super.clearBatch();
    discardStream();
    streamTried = false;
  }

  /** Runs the batch; a failure is a BatchUpdateException ({@link OneLakeStatements#runBatch}). */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    try {
      return OneLakeStatements.runBatch(super::executeLargeBatch);
    } finally {
      discardStream(); // not taken when the batch did not get to run
      streamTried = false;
    }
  }

  @Override
  protected void close_() {
    try {
      discardStream();
    } finally {
      super.close_();
    }
  }

  /** What {@code addBatch} keeps of the current parameters: a copy of the slots (one array copy). */
  @Override
  protected List<TypedValue> copyParameterValues() {
    return Arrays.asList(slots.clone());
  }

  /** The slot of a parameter; checked as Avatica's getSite checks it (closed, out of range). */
  private int slot(int parameterIndex) throws SQLException {
    checkOpen();
    if (parameterIndex < 1 || parameterIndex > slots.length) {
      getSite(parameterIndex); // throws Avatica's error
    }
    return parameterIndex - 1;
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar calendar) throws SQLException {
    if (x == null || calendar != getCalendar()) {
      super.setDate(parameterIndex, x, calendar);
      return;
    }
    int slot = slot(parameterIndex);
    // Avatica makes a day number of every DATE through a Timestamp, a LocalDateTime and two zone
    // offsets; a batch binds the same few thousand days again and again. For the statement's own
    // calendar the day number depends on the instant alone, so it is remembered.
    long instant = x.getTime();
    // Fibonacci hashing: instants of midnights share their low bits.
    int entry = (int) ((instant * 0x9E3779B97F4A7C15L) >>> (64 - REMEMBERED_DATE_BITS));
    TypedValue value = dateValues[entry];
    if (value == null || dateInstants[entry] != instant) {
      value = TypedValue.ofJdbc(ColumnMetaData.Rep.JAVA_SQL_DATE, x, calendar);
      dateInstants[entry] = instant;
      dateValues[entry] = value;
    }
    slots[slot] = value;
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    setTimestamp(parameterIndex, x, getCalendar());
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar calendar) throws SQLException {
    if (x == null) {
      super.setTimestamp(parameterIndex, null, calendar);
      return;
    }
    getSite(parameterIndex);
    slots[parameterIndex - 1] = TimestampParameters.of(x, (calendar == null ? getCalendar() : calendar)
        .getTimeZone().toZoneId());
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    if (TimestampParameters.isTemporal(x)) {
      getSite(parameterIndex);
      slots[parameterIndex - 1] = TimestampParameters.of(x, getCalendar().getTimeZone().toZoneId());
      return;
    }
    super.setObject(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    if (targetSqlType == java.sql.Types.TIMESTAMP && TimestampParameters.isTemporal(x)) {
      setObject(parameterIndex, x);
      return;
    }
    super.setObject(parameterIndex, x, targetSqlType);
  }

  // JDBC 4.1 setters, as in Calcite's own prepared statement.

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    getSite(parameterIndex).setRowId(x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    getSite(parameterIndex).setNString(value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    getSite(parameterIndex).setNClob(value);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setNClob(reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setNClob(reader);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setClob(reader, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setClob(reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    getSite(parameterIndex).setSQLXML(xmlObject);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader);
  }
}
