/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.MicrosTimestamp;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Map;
import org.apache.calcite.avatica.util.Cursor;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.joou.UByte;
import org.joou.UInteger;
import org.joou.ULong;
import org.joou.UShort;

/**
 * Reads a TIMESTAMP column with its microseconds. The value is the wall-clock time in any of Calcite's
 * runtime representations ({@link MicrosTimestamp#wallClockMicros}); Avatica's own accessors keep only
 * milliseconds. As in Avatica, {@code getTimestamp(calendar)} is that wall-clock time in the calendar's
 * zone (the session time zone by default), and {@code getString()} shows it with six fractional digits.
 */
public final class MicrosTimestampAccessor implements Cursor.Accessor {
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private final Cursor.Accessor raw;
  private final Calendar sessionCalendar;

  /** @param raw an accessor that returns the column's runtime value unconverted */
  public MicrosTimestampAccessor(Cursor.Accessor raw, Calendar sessionCalendar) {
    this.raw = requireNonNull(raw, "raw");
    this.sessionCalendar = requireNonNull(sessionCalendar, "sessionCalendar");
  }

  private Long wallClockMicros() throws SQLException {
    Object value = raw.getObject();
    return value == null ? null : MicrosTimestamp.wallClockMicros(value);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return raw.wasNull();
  }

  @Override
  public Timestamp getTimestamp(Calendar calendar) throws SQLException {
    Long micros = wallClockMicros();
    if (micros == null) {
      return null;
    }
    Timestamp timestamp = DateTimeUtils.unixTimestampToSqlTimestamp(Math.floorDiv(micros, 1000L),
        calendar == null ? sessionCalendar : calendar);
    // Zone offsets are whole seconds: only the fraction of the second is refined.
    timestamp.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
    return timestamp;
  }

  @Override
  public Date getDate(Calendar calendar) throws SQLException {
    Timestamp timestamp = getTimestamp(calendar);
    return timestamp == null ? null : new Date(timestamp.getTime());
  }

  @Override
  public Time getTime(Calendar calendar) throws SQLException {
    Timestamp timestamp = getTimestamp(calendar);
    return timestamp == null ? null : new Time(timestamp.getTime());
  }

  @Override
  public String getString() throws SQLException {
    Long micros = wallClockMicros();
    return micros == null ? null : TEXT.format(LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000,
        ZoneOffset.UTC));
  }

  @Override
  public String getNString() throws SQLException {
    return getString();
  }

  @Override
  public Object getObject() throws SQLException {
    return getTimestamp(sessionCalendar);
  }

  @Override
  public Object getObject(Map<String, Class<?>> map) throws SQLException {
    return getObject();
  }

  @Override
  public <T> T getObject(Class<T> type) throws SQLException {
    if (type == Timestamp.class) {
      return type.cast(getTimestamp(sessionCalendar));
    }
    throw cannotConvert(type.getName());
  }

  /** The wall-clock milliseconds, Calcite's runtime value (as Avatica answered before). */
  @Override
  public long getLong() throws SQLException {
    Long micros = wallClockMicros();
    return micros == null ? 0L : Math.floorDiv(micros, 1000L);
  }

  @Override
  public boolean getBoolean() throws SQLException {
    throw cannotConvert("boolean");
  }

  @Override
  public byte getByte() throws SQLException {
    throw cannotConvert("byte");
  }

  @Override
  public UByte getUByte() throws SQLException {
    throw cannotConvert("UByte");
  }

  @Override
  public short getShort() throws SQLException {
    throw cannotConvert("short");
  }

  @Override
  public UShort getUShort() throws SQLException {
    throw cannotConvert("UShort");
  }

  @Override
  public int getInt() throws SQLException {
    throw cannotConvert("int");
  }

  @Override
  public UInteger getUInt() throws SQLException {
    throw cannotConvert("UInteger");
  }

  @Override
  public ULong getULong() throws SQLException {
    throw cannotConvert("ULong");
  }

  @Override
  public float getFloat() throws SQLException {
    throw cannotConvert("float");
  }

  @Override
  public double getDouble() throws SQLException {
    throw cannotConvert("double");
  }

  @Override
  public BigDecimal getBigDecimal() throws SQLException {
    throw cannotConvert("BigDecimal");
  }

  @Override
  public BigDecimal getBigDecimal(int scale) throws SQLException {
    throw cannotConvert("BigDecimal");
  }

  @Override
  public byte[] getBytes() throws SQLException {
    throw cannotConvert("byte[]");
  }

  @Override
  public InputStream getAsciiStream() throws SQLException {
    throw cannotConvert("InputStream");
  }

  @Override
  public InputStream getUnicodeStream() throws SQLException {
    throw cannotConvert("InputStream");
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    throw cannotConvert("InputStream");
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    throw cannotConvert("Reader");
  }

  @Override
  public Reader getNCharacterStream() throws SQLException {
    throw cannotConvert("Reader");
  }

  @Override
  public Ref getRef() throws SQLException {
    throw cannotConvert("Ref");
  }

  @Override
  public Blob getBlob() throws SQLException {
    throw cannotConvert("Blob");
  }

  @Override
  public Clob getClob() throws SQLException {
    throw cannotConvert("Clob");
  }

  @Override
  public NClob getNClob() throws SQLException {
    throw cannotConvert("NClob");
  }

  @Override
  public Array getArray() throws SQLException {
    throw cannotConvert("Array");
  }

  @Override
  public Struct getStruct() throws SQLException {
    throw cannotConvert("Struct");
  }

  @Override
  public URL getURL() throws SQLException {
    throw cannotConvert("URL");
  }

  @Override
  public SQLXML getSQLXML() throws SQLException {
    throw cannotConvert("SQLXML");
  }

  private static SQLException cannotConvert(String target) {
    return new SQLDataException("Cannot convert a TIMESTAMP value to " + target, "22018");
  }
}
