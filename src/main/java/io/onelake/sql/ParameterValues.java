/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.onelake.OneLakeException;
import io.onelake.catalog.MicrosTimestamp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Converts a JDBC parameter value (as Avatica hands it over) to the column type, in Calcite's runtime
 * representation, with the checks of an SQL assignment cast: numbers must fit (22003), text must parse
 * (22018 / 22007). Used by the bulk path of INSERT batches, which does not run a query per row.
 */
final class ParameterValues {
  private ParameterValues() {}

  /**
   * The value of a parameter as Avatica hands it over, in its local form, except that a DATE stays
   * the day number the JDBC layer made of it (in the statement's calendar): its local form is a
   * java.sql.Date at midnight UTC, which costs a Calendar to make and to read back per value.
   */
  static Object local(TypedValue parameter) {
    Object value = parameter.value;
    switch (parameter.type) {
      case JAVA_SQL_DATE:
        return value instanceof Number ? value : parameter.toLocal();
      case NUMBER:
        return value instanceof BigDecimal ? value : parameter.toLocal();
      case STRING:
      case LONG:
      case INTEGER:
        // Usually local already: toLocal would return it as it is, after a reflective class check.
        return parameter.type.clazz == value.getClass() ? value : parameter.toLocal();
      default:
        return parameter.toLocal();
    }
  }

  static Object convert(Object value, RelDataType type, ZoneId zone) {
    if (value == null) {
      return null;
    }
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(text);
        }
        throw badValue(value, type);
      case TINYINT:
        return (byte) integral(value, type, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT:
        return (short) integral(value, type, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER:
        return (int) integral(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
        return integral(value, type, Long.MIN_VALUE, Long.MAX_VALUE);
      case REAL:
      case FLOAT:
        return value instanceof Number ? ((Number) value).floatValue() : Float.parseFloat(text(value, type));
      case DOUBLE:
        return value instanceof Number ? ((Number) value).doubleValue()
            : Double.parseDouble(text(value, type));
      case DECIMAL:
        return decimal(value, type).setScale(type.getScale(), RoundingMode.HALF_UP);
      case CHAR:
      case VARCHAR:
        return value.toString();
      case BINARY:
      case VARBINARY:
        if (value instanceof ByteString) {
          return value;
        }
        if (value instanceof byte[]) {
          return new ByteString((byte[]) value);
        }
        throw badValue(value, type);
      case DATE:
        if (value instanceof Number) {
          return ((Number) value).intValue();
        }
        if (value instanceof LocalDate) {
          return (int) ((LocalDate) value).toEpochDay();
        }
        try {
          return (int) LocalDate.parse(value.toString().trim()).toEpochDay();
        } catch (DateTimeParseException e) {
          throw badDatetime(value, type, e);
        }
      case TIMESTAMP:
        return timestamp(value, type, zone);
      default:
        throw new OneLakeException(OneLakeException.FEATURE_NOT_SUPPORTED,
            "Batch parameters of type " + type.getFullTypeString() + " are not supported yet");
    }
  }

  /**
   * The wall-clock time of the session time zone with its microseconds, as Calcite carries a table's
   * timestamp columns ({@link MicrosTimestamp}).
   */
  private static MicrosTimestamp timestamp(Object value, RelDataType type, ZoneId zone) {
    if (value instanceof Timestamp) {
      // Held so by the JDBC layer, or made by Calcite from its milliseconds.
      return MicrosTimestamp.ofMicros(MicrosTimestamp.wallClockMicros(value));
    }
    if (value instanceof Number) {
      return MicrosTimestamp.ofMicros(Math.multiplyExact(((Number) value).longValue(), 1000L));
    }
    LocalDateTime wallClock;
    if (value instanceof LocalDateTime) {
      wallClock = (LocalDateTime) value;
    } else if (value instanceof Instant) {
      wallClock = LocalDateTime.ofInstant((Instant) value, zone);
    } else if (value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      Instant instant = value instanceof OffsetDateTime ? ((OffsetDateTime) value).toInstant()
          : ((ZonedDateTime) value).toInstant();
      wallClock = LocalDateTime.ofInstant(instant, zone);
    } else {
      try {
        wallClock = LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        throw badDatetime(value, type, e);
      }
    }
    return MicrosTimestamp.of(wallClock);
  }

  private static long integral(Object value, RelDataType type, long min, long max) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      long number = ((Number) value).longValue();
      if (number < min || number > max) {
        throw outOfRange(value, type);
      }
      return number;
    }
    BigDecimal number = decimal(value, type);
    BigDecimal integral;
    try {
      integral = number.setScale(0, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      // SQL casts truncate fractions towards zero when a decimal is assigned to an integer column.
      integral = number.setScale(0, RoundingMode.DOWN);
    }
    if (integral.compareTo(BigDecimal.valueOf(min)) < 0 || integral.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(value, type);
    }
    return integral.longValue();
  }

  private static OneLakeException outOfRange(Object value, RelDataType type) {
    return new OneLakeException(OneLakeException.NUMERIC_OUT_OF_RANGE,
        "Value " + value + " is out of range for " + type.getSqlTypeName());
  }

  private static BigDecimal decimal(Object value, RelDataType type) {
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString());
    }
    if (value instanceof Number) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    try {
      return new BigDecimal(text(value, type));
    } catch (NumberFormatException e) {
      throw badValue(value, type);
    }
  }

  private static String text(Object value, RelDataType type) {
    if (value instanceof String) {
      return ((String) value).trim();
    }
    throw badValue(value, type);
  }

  private static OneLakeException badValue(Object value, RelDataType type) {
    return new OneLakeException(OneLakeException.INVALID_CAST,
        "Cannot convert '" + value + "' to " + type.getSqlTypeName());
  }

  private static OneLakeException badDatetime(Object value, RelDataType type, Exception cause) {
    return new OneLakeException(OneLakeException.INVALID_DATETIME,
        "Cannot convert '" + value + "' to " + type.getSqlTypeName(), cause);
  }
}
