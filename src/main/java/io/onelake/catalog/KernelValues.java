/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Reads Kernel column vectors into Calcite's runtime representation: DATE as Integer days, TIMESTAMP as
 * the wall-clock time (for Delta {@code timestamp}: in the session time zone, see {@link DeltaTypes}),
 * VARBINARY as ByteString, ARRAY as List, MAP as Map and ROW as Object[]. A table's timestamp columns
 * become {@link MicrosTimestamp} objects with all microseconds; timestamps nested in arrays, maps and
 * structs become Long milliseconds, truncated towards the past.
 */
public final class KernelValues {
  private KernelValues() {}

  /** Reads one value of a vector. */
  @FunctionalInterface
  public interface ValueReader {
    Object read(ColumnVector vector, int row);
  }

  /**
   * A reader for a table column of the type; Delta timestamps are shown in {@code zone}.
   *
   * @param microsTimestamps timestamps become {@link MicrosTimestamp} objects (the column is typed so,
   *     see {@link MicrosTimestampTypes}) instead of milliseconds
   */
  public static ValueReader columnReader(DataType type, ZoneId zone, boolean microsTimestamps) {
    if (microsTimestamps && type instanceof TimestampType) {
      return reader((vector, row) -> MicrosTimestamp.ofMicros(
          SessionTime.toWallClockMicros(vector.getLong(row), zone)));
    } else if (microsTimestamps && type instanceof TimestampNTZType) {
      return reader((vector, row) -> MicrosTimestamp.ofMicros(vector.getLong(row)));
    }
    return reader(type, zone);
  }

  /** A reader for values of the type; Delta timestamps are shown in {@code zone}. */
  public static ValueReader reader(DataType type, ZoneId zone) {
    return reader(nonNullReader(type, zone));
  }

  private static ValueReader reader(ValueReader nonNull) {
    return (vector, row) -> vector.isNullAt(row) ? null : nonNull.read(vector, row);
  }

  private static ValueReader nonNullReader(DataType type, ZoneId zone) {
    if (type instanceof BooleanType) {
      return ColumnVector::getBoolean;
    } else if (type instanceof ByteType) {
      return ColumnVector::getByte;
    } else if (type instanceof ShortType) {
      return ColumnVector::getShort;
    } else if (type instanceof IntegerType || type instanceof DateType) {
      return ColumnVector::getInt;
    } else if (type instanceof LongType) {
      return ColumnVector::getLong;
    } else if (type instanceof FloatType) {
      return ColumnVector::getFloat;
    } else if (type instanceof DoubleType) {
      return ColumnVector::getDouble;
    } else if (type instanceof DecimalType) {
      return ColumnVector::getDecimal;
    } else if (type instanceof StringType) {
      return ColumnVector::getString;
    } else if (type instanceof BinaryType) {
      return (vector, row) -> new ByteString(vector.getBinary(row));
    } else if (type instanceof TimestampType) {
      return (vector, row) -> SessionTime.toWallClockMillis(Math.floorDiv(vector.getLong(row), 1000L), zone);
    } else if (type instanceof TimestampNTZType) {
      return (vector, row) -> Math.floorDiv(vector.getLong(row), 1000L);
    } else if (type instanceof ArrayType) {
      ValueReader element = reader(((ArrayType) type).getElementType(), zone);
      return (vector, row) -> {
        ArrayValue array = vector.getArray(row);
        ColumnVector elements = array.getElements();
        List<Object> list = new ArrayList<>(array.getSize());
        for (int i = 0; i < array.getSize(); i++) {
          list.add(element.read(elements, i));
        }
        return list;
      };
    } else if (type instanceof MapType) {
      ValueReader key = reader(((MapType) type).getKeyType(), zone);
      ValueReader value = reader(((MapType) type).getValueType(), zone);
      return (vector, row) -> {
        MapValue map = vector.getMap(row);
        Map<Object, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < map.getSize(); i++) {
          result.put(key.read(map.getKeys(), i), value.read(map.getValues(), i));
        }
        return result;
      };
    } else if (type instanceof StructType) {
      StructType struct = (StructType) type;
      ValueReader[] fields = new ValueReader[struct.length()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = reader(struct.at(i).getDataType(), zone);
      }
      return (vector, row) -> {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
          values[i] = fields[i].read(vector.getChild(i), row);
        }
        return values;
      };
    }
    throw new DeltaTypes.UnsupportedTypeException("cannot read Delta type " + type);
  }
}
