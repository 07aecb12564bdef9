/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.onelake.OneLakeException;
import io.onelake.catalog.MicrosTimestamp;
import io.onelake.catalog.SessionTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns rows produced by Calcite (its runtime representation, already cast to the column types) into
 * the Kernel representation the Delta writer takes, enforcing NOT NULL columns. A zoneless SQL
 * TIMESTAMP (milliseconds, or a Timestamp object with microseconds) written into a Delta
 * {@code timestamp} column is read in the session time zone.
 */
final class KernelRowConverter {
  private final StructType schema;
  private final List<RelDataType> sourceTypes;
  private final ZoneId zone;
  private final boolean safe;
  /** Per column, built once: choosing the conversion by type for every value showed in profiles. */
  private final ValueConverter[] converters;

  KernelRowConverter(StructType schema, List<RelDataType> sourceTypes, ZoneId zone) {
    this(schema, sourceTypes, zone, false);
  }

  /** @param safe values that do not fit the column become NULL instead of an error (onelake_safe_cast) */
  KernelRowConverter(StructType schema, List<RelDataType> sourceTypes, ZoneId zone, boolean safe) {
    this.safe = safe;
    this.schema = requireNonNull(schema, "schema");
    this.sourceTypes = List.copyOf(sourceTypes);
    this.zone = requireNonNull(zone, "zone");
    if (schema.length() != sourceTypes.size()) {
      throw new IllegalArgumentException("the query yields " + sourceTypes.size()
          + " columns for " + schema.length() + " table columns");
    }
    this.converters = new ValueConverter[schema.length()];
    for (int i = 0; i < converters.length; i++) {
      converters[i] = converter(schema.at(i).getDataType(), this.sourceTypes.get(i));
    }
  }

  /** Converts one non-null value of a column. */
  @FunctionalInterface
  private interface ValueConverter {
    Object convert(Object value);
  }

  /** The conversion of a column's values: the common flat types directly, the others generically. */
  private ValueConverter converter(DataType type, RelDataType sourceType) {
    if (type instanceof LongType) {
      return value -> value instanceof Long ? value
          : checkedIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    } else if (type instanceof IntegerType) {
      return value -> value instanceof Integer ? value
          : (int) checkedIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return value -> decimal(value, decimal);
    } else if (type instanceof StringType || type instanceof DateType || type instanceof BooleanType
        || type instanceof DoubleType) {
      return value -> value; // Calcite's representation is Kernel's
    }
    return value -> convert(value, type, sourceType);
  }

  Object[] convert(Object row) {
    Object[] values = row instanceof Object[] ? (Object[]) row : new Object[] {row};
    Object[] result = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object value = values[i] == null ? null : convertOrNull(values[i], converters[i]);
      if (value == null && !schema.at(i).isNullable()) {
        StructField field = schema.at(i);
        throw new OneLakeException(OneLakeException.NOT_NULL_VIOLATION,
            "NULL value in column " + field.getName() + " violates its NOT NULL constraint");
      }
      result[i] = value;
    }
    return result;
  }

  private Object convertOrNull(Object value, ValueConverter converter) {
    try {
      return converter.convert(value);
    } catch (OneLakeException e) {
      if (safe && OneLakeException.NUMERIC_OUT_OF_RANGE.equals(e.sqlState())) {
        return null;
      }
      throw e;
    }
  }

  /** An integer value that must fit the column (22003 otherwise); decimals are truncated as SQL does. */
  private static long checkedIntegral(Object value, long min, long max, String typeName) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      long number = ((Number) value).longValue();
      if (number < min || number > max) {
        throw outOfRange(value, typeName);
      }
      return number;
    }
    BigDecimal number = value instanceof BigDecimal ? (BigDecimal) value
        : new BigDecimal(value.toString());
    BigDecimal integral = number.setScale(0, RoundingMode.DOWN);
    if (integral.compareTo(BigDecimal.valueOf(min)) < 0 || integral.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(value, typeName);
    }
    return integral.longValueExact();
  }

  /** A decimal rounded to the column's scale (as SQL assigns), which must fit its precision. */
  private static BigDecimal decimal(Object value, DecimalType decimal) {
    BigDecimal number = value instanceof BigDecimal ? (BigDecimal) value
        : new BigDecimal(value.toString());
    BigDecimal scaled = number.setScale(decimal.getScale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > decimal.getPrecision() - decimal.getScale()) {
      throw new OneLakeException(OneLakeException.NUMERIC_OUT_OF_RANGE, "Value " + number
          + " does not fit DECIMAL(" + decimal.getPrecision() + ", " + decimal.getScale() + ")");
    }
    return scaled;
  }

  private static OneLakeException outOfRange(Object value, String typeName) {
    return new OneLakeException(OneLakeException.NUMERIC_OUT_OF_RANGE,
        "Value " + value + " is out of range for " + typeName);
  }

  private Object convert(Object value, DataType type, RelDataType sourceType) {
    if (value == null) {
      return null;
    }
    if (type instanceof ByteType) {
      return (byte) checkedIntegral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
    } else if (type instanceof ShortType) {
      return (short) checkedIntegral(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
    } else if (type instanceof IntegerType) {
      return (int) checkedIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    } else if (type instanceof LongType) {
      return checkedIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    } else if (type instanceof TimestampType) {
      if (sourceType != null && sourceType.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
        // A wall-clock time of the session time zone (see DeltaTypes), with its microseconds.
        return SessionTime.toEpochMicros(MicrosTimestamp.wallClockMicros(value), zone);
      }
      return Math.multiplyExact(((Number) value).longValue(), 1000L);
    } else if (type instanceof TimestampNTZType) {
      return MicrosTimestamp.wallClockMicros(value);
    } else if (type instanceof DecimalType) {
      return decimal(value, (DecimalType) type);
    } else if (type instanceof BinaryType) {
      return value instanceof ByteString ? ((ByteString) value).getBytes() : value;
    } else if (type instanceof ArrayType) {
      DataType element = ((ArrayType) type).getElementType();
      RelDataType elementSource = sourceType == null ? null : sourceType.getComponentType();
      List<Object> result = new ArrayList<>();
      for (Object item : (List<?>) value) {
        result.add(convert(item, element, elementSource));
      }
      return result;
    } else if (type instanceof MapType) {
      MapType mapType = (MapType) type;
      Map<Object, Object> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        result.put(
            convert(entry.getKey(), mapType.getKeyType(), sourceType == null ? null : sourceType.getKeyType()),
            convert(entry.getValue(), mapType.getValueType(),
                sourceType == null ? null : sourceType.getValueType()));
      }
      return result;
    } else if (type instanceof StructType) {
      StructType struct = (StructType) type;
      List<?> fields = value instanceof Object[] ? java.util.Arrays.asList((Object[]) value) : (List<?>) value;
      List<Object> result = new ArrayList<>();
      for (int i = 0; i < struct.length(); i++) {
        RelDataType fieldSource = sourceType == null || !sourceType.isStruct() ? null
            : sourceType.getFieldList().get(i).getType();
        result.add(convert(fields.get(i), struct.at(i).getDataType(), fieldSource));
      }
      return result;
    }
    return value;
  }
}
