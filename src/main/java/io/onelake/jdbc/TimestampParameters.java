/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import io.onelake.catalog.MicrosTimestamp;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Timestamp parameters with microseconds. A parameter is held as the {@link MicrosTimestamp} of its
 * wall-clock time in the session time zone (a {@link Timestamp}, {@link Instant}, {@link OffsetDateTime}
 * or {@link ZonedDateTime} keeps its instant, a {@link LocalDateTime} is taken as is). INSERT's bulk
 * path writes it with all its microseconds; a statement Calcite runs gets Calcite's milliseconds.
 */
public final class TimestampParameters {
  private TimestampParameters() {}

  /** Whether setObject stores the value as a timestamp parameter. */
  public static boolean isTemporal(Object value) {
    return value instanceof Timestamp || value instanceof LocalDateTime || value instanceof Instant
        || value instanceof OffsetDateTime || value instanceof ZonedDateTime;
  }

  /** The parameter for a temporal value (see {@link #isTemporal}); instants are shown in {@code zone}. */
  public static TypedValue of(Object value, ZoneId zone) {
    LocalDateTime wallClock;
    if (value instanceof LocalDateTime) {
      wallClock = (LocalDateTime) value;
    } else {
      Instant instant = value instanceof Timestamp ? ((Timestamp) value).toInstant()
          : value instanceof Instant ? (Instant) value
          : value instanceof OffsetDateTime ? ((OffsetDateTime) value).toInstant()
          : ((ZonedDateTime) value).toInstant();
      wallClock = LocalDateTime.ofInstant(instant, zone);
    }
    return TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT, MicrosTimestamp.of(wallClock));
  }

  /** Whether any parameter is a timestamp held by {@link #of}. */
  public static boolean any(List<TypedValue> parameters) {
    for (TypedValue parameter : parameters) {
      if (parameter != null && parameter.value instanceof MicrosTimestamp) {
        return true;
      }
    }
    return false;
  }

  /** The parameters as Calcite's generated code reads them: timestamps as its milliseconds. */
  public static List<TypedValue> forCalcite(List<TypedValue> parameters) {
    if (!any(parameters)) {
      return parameters;
    }
    List<TypedValue> result = new ArrayList<>(parameters.size());
    for (TypedValue parameter : parameters) {
      result.add(parameter != null && parameter.value instanceof MicrosTimestamp
          ? TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP,
              Math.floorDiv(((MicrosTimestamp) parameter.value).micros(), 1000L))
          : parameter);
    }
    return result;
  }
}
