/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import io.onelake.jdbc.MicrosTimestampAccessor;
import io.onelake.jdbc.SqlErrors;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.util.Cursor;

/**
 * Calcite's result set, except that a failure while rows are fetched (a storage error, a bad cast in
 * a row) is a {@link SQLException} with its SQLState, as JDBC requires, instead of a raw runtime
 * exception, and that TIMESTAMP values keep their microseconds ({@link MicrosTimestampAccessor}). It
 * lives in Calcite's package only because CalciteResultSet's constructor is package-private.
 */
public final class OneLakeResultSet extends CalciteResultSet {
  private static final ColumnMetaData RAW =
      ColumnMetaData.dummy(ColumnMetaData.scalar(Types.JAVA_OBJECT, "OBJECT", ColumnMetaData.Rep.OBJECT),
          true);

  public OneLakeResultSet(AvaticaStatement statement, CalcitePrepare.CalciteSignature<?> signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, signature, metaData, timeZone, firstFrame);
  }

  @Override
  protected CalciteResultSet execute() throws SQLException {
    super.execute();
    readTimestampsWithMicros(columnMetaDataList);
    return this;
  }

  @Override
  public AvaticaResultSet execute2(Cursor cursor, List<ColumnMetaData> columns) {
    super.execute2(cursor, columns);
    readTimestampsWithMicros(columns);
    return this;
  }

  /** TIMESTAMP columns are read from their unconverted values, which Avatica's accessors truncate. */
  private void readTimestampsWithMicros(List<ColumnMetaData> columns) {
    List<ColumnMetaData> raw = new ArrayList<>(columns.size());
    boolean anyTimestamp = false;
    for (ColumnMetaData column : columns) {
      boolean timestamp = column.type.id == Types.TIMESTAMP;
      anyTimestamp |= timestamp;
      raw.add(timestamp ? RAW : column);
    }
    if (!anyTimestamp) {
      return;
    }
    List<Cursor.Accessor> rawAccessors = cursor.createAccessors(raw, localCalendar, this);
    List<Cursor.Accessor> accessors = new ArrayList<>(accessorList);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).type.id == Types.TIMESTAMP) {
        accessors.set(i, new MicrosTimestampAccessor(rawAccessors.get(i), localCalendar));
      }
    }
    accessorList = accessors;
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    } catch (SQLException e) {
      // Avatica reports Statement.cancel() between rows without an SQLState.
      if (e.getSQLState() == null && "Statement canceled".equals(e.getMessage())) {
        throw new SQLException("The statement was cancelled", "57014", e);
      }
      throw e;
    }
  }

  /**
   * JDBC 4.2 {@code getObject(column, type)}. Avatica's accessors do not implement it for any type,
   * so the value is read with the matching getter. A DATE or TIMESTAMP column converts to
   * {@link LocalDate} / {@link LocalDateTime} as its wall-clock value (what {@code getString} shows),
   * and to {@link Instant} / {@link OffsetDateTime} / {@link ZonedDateTime} as that wall-clock time
   * in the session time zone (the instant {@code getTimestamp()} returns). NULL gives null.
   */
  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject: the type must not be null", "HY000");
    }
    Object value = convert(columnIndex, type);
    return wasNull() ? null : type.cast(value);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  private Object convert(int column, Class<?> type) throws SQLException {
    int sqlType = getMetaData().getColumnType(column);
    boolean temporal = sqlType == Types.DATE || sqlType == Types.TIMESTAMP;
    if (type == String.class) {
      return getString(column);
    } else if (type == BigDecimal.class) {
      return getBigDecimal(column);
    } else if (type == Boolean.class) {
      return getBoolean(column);
    } else if (type == Byte.class) {
      return getByte(column);
    } else if (type == Short.class) {
      return getShort(column);
    } else if (type == Integer.class) {
      return getInt(column);
    } else if (type == Long.class) {
      return getLong(column);
    } else if (type == Float.class) {
      return getFloat(column);
    } else if (type == Double.class) {
      return getDouble(column);
    } else if (type == byte[].class) {
      return getBytes(column);
    } else if (type == Date.class) {
      return getDate(column);
    } else if (type == Time.class) {
      return getTime(column);
    } else if (type == Timestamp.class) {
      return getTimestamp(column);
    } else if (temporal && (type == LocalDate.class || type == LocalDateTime.class)) {
      // The wall-clock value: read it as if it were UTC, so the JVM's zone plays no part.
      Timestamp utc = getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
      if (utc == null) {
        return null;
      }
      LocalDateTime wallClock = LocalDateTime.ofInstant(utc.toInstant(), ZoneOffset.UTC);
      return type == LocalDate.class ? wallClock.toLocalDate() : wallClock;
    } else if (temporal && (type == Instant.class || type == OffsetDateTime.class
        || type == ZonedDateTime.class)) {
      Timestamp instant = getTimestamp(column, (Calendar) localCalendar.clone());
      if (instant == null) {
        return null;
      }
      ZonedDateTime zoned = instant.toInstant().atZone(localCalendar.getTimeZone().toZoneId());
      return type == Instant.class ? instant.toInstant()
          : type == OffsetDateTime.class ? zoned.toOffsetDateTime() : zoned;
    }
    Object value = getObject(column);
    if (value == null || type.isInstance(value)) {
      return value;
    }
    throw new SQLDataException("Cannot convert column " + column + " ("
        + getMetaData().getColumnTypeName(column) + ") to " + type.getName(), "22018");
  }
}
