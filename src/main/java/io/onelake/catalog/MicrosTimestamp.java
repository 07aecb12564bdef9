/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * A zoneless TIMESTAMP(6) value in Calcite's runtime that keeps its microseconds: the wall-clock time
 * of a Delta {@code timestamp} (in the session time zone) or {@code timestamp_ntz} column.
 *
 * <p>Calcite carries TIMESTAMP as a {@code long} of milliseconds, except for columns typed as the Java
 * class {@link Timestamp}, whose objects it passes through untouched (projections, filters, sorts,
 * joins, unions) and converts to its milliseconds only to compute with them. That conversion reads
 * {@link #toLocalDateTime()}, which is exact here whatever the JVM's time zone.
 *
 * <p>Everything else this object inherits from {@link Timestamp} (getTime, getNanos, hashCode, and
 * equality with other Timestamps) is the value cut to milliseconds, exactly as the Timestamp Calcite
 * makes from its milliseconds: a column value therefore equals a value Calcite computed, such as
 * {@code MAX(ts)}, when their milliseconds agree, just as Calcite's comparisons do. Two values of this
 * class are equal and ordered by all their microseconds. It is never handed to JDBC callers
 * ({@code io.onelake.jdbc.MicrosTimestampAccessor} turns it into the instant). Immutable.
 */
public final class MicrosTimestamp extends Timestamp {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  /** Microseconds since 1970-01-01 00:00 of the wall-clock time, read as if it were UTC. */
  private final long micros;

  private MicrosTimestamp(long micros) {
    // The same milliseconds as the Timestamp Calcite makes for the value (see the class comment).
    super(SqlFunctions.internalToTimestamp(Math.floorDiv(micros, 1000L)).getTime());
    this.micros = micros;
  }

  public static MicrosTimestamp ofMicros(long wallClockMicros) {
    return new MicrosTimestamp(wallClockMicros);
  }

  /** The value of a wall-clock time; nanoseconds beyond the microsecond are cut. */
  public static MicrosTimestamp of(LocalDateTime wallClock) {
    return new MicrosTimestamp(micros(wallClock));
  }

  private static long micros(LocalDateTime wallClock) {
    return Math.addExact(Math.multiplyExact(wallClock.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
        wallClock.getNano() / 1000);
  }

  public long micros() {
    return micros;
  }

  /**
   * The wall-clock microseconds of a zoneless TIMESTAMP in any of Calcite's runtime representations:
   * this class, a {@link Timestamp} made by Calcite (its local date-time is the value) or the
   * milliseconds of Calcite's {@code long}.
   */
  public static long wallClockMicros(Object value) {
    if (value instanceof MicrosTimestamp) {
      return ((MicrosTimestamp) value).micros;
    }
    if (value instanceof Timestamp) {
      return micros(((Timestamp) value).toLocalDateTime());
    }
    return Math.multiplyExact(((Number) value).longValue(), 1000L);
  }

  /** The wall-clock time; Calcite's conversion to its milliseconds reads it (see the class comment). */
  @Override
  public LocalDateTime toLocalDateTime() {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  @Override
  public void setTime(long time) {
    throw new UnsupportedOperationException("MicrosTimestamp is immutable");
  }

  @Override
  public void setNanos(int nanos) {
    throw new UnsupportedOperationException("MicrosTimestamp is immutable");
  }

  @Override
  public int compareTo(Timestamp other) {
    return other instanceof MicrosTimestamp ? Long.compare(micros, ((MicrosTimestamp) other).micros)
        : super.compareTo(other);
  }

  @Override
  public boolean equals(Timestamp other) {
    return other instanceof MicrosTimestamp ? ((MicrosTimestamp) other).micros == micros
        : super.equals(other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Timestamp && equals((Timestamp) other);
  }

  /** Millisecond-based like every Timestamp's, so that equal values (see {@link #equals}) agree. */
  @Override
  public int hashCode() {
    return super.hashCode();
  }

  /** The wall-clock time with six fractional digits, e.g. {@code 2024-01-01 12:00:00.123456}. */
  @Override
  public String toString() {
    return TEXT.format(toLocalDateTime());
  }
}
