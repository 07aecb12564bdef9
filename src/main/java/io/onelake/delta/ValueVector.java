/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kernel {@link ColumnVector} over Java values in the driver's "Kernel representation": Boolean,
 * Byte, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], Integer epoch days for DATE,
 * Long epoch microseconds for TIMESTAMP and TIMESTAMP_NTZ, List for ARRAY, Map for MAP and a List of
 * field values for STRUCT. It is how rows produced by SQL reach Kernel's Parquet writer.
 */
final class ValueVector extends ArrayVector {
  private final Object[] values;

  ValueVector(DataType type, Object[] values, int size) {
    super(type, size);
    this.values = requireNonNull(values, "values");
  }

  @Override
  public boolean isNullAt(int rowId) {
    return values[rowId] == null;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (Boolean) values[rowId];
  }

  @Override
  public byte getByte(int rowId) {
    return ((Number) values[rowId]).byteValue();
  }

  @Override
  public short getShort(int rowId) {
    return ((Number) values[rowId]).shortValue();
  }

  @Override
  public int getInt(int rowId) {
    return ((Number) values[rowId]).intValue();
  }

  @Override
  public long getLong(int rowId) {
    return ((Number) values[rowId]).longValue();
  }

  @Override
  public float getFloat(int rowId) {
    return ((Number) values[rowId]).floatValue();
  }

  @Override
  public double getDouble(int rowId) {
    return ((Number) values[rowId]).doubleValue();
  }

  @Override
  public byte[] getBinary(int rowId) {
    return (byte[]) values[rowId];
  }

  @Override
  public String getString(int rowId) {
    return (String) values[rowId];
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    return (BigDecimal) values[rowId];
  }

  @Override
  public ArrayValue getArray(int rowId) {
    List<?> list = (List<?>) values[rowId];
    if (list == null) {
      return null;
    }
    DataType elementType = ((ArrayType) getDataType()).getElementType();
    ColumnVector elements = new ValueVector(elementType, list.toArray(), list.size());
    return new ArrayValue() {
      @Override
      public int getSize() {
        return list.size();
      }

      @Override
      public ColumnVector getElements() {
        return elements;
      }
    };
  }

  @Override
  public MapValue getMap(int rowId) {
    Map<?, ?> map = (Map<?, ?>) values[rowId];
    if (map == null) {
      return null;
    }
    MapType mapType = (MapType) getDataType();
    Object[] keys = new Object[map.size()];
    Object[] mapValues = new Object[map.size()];
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      keys[i] = entry.getKey();
      mapValues[i] = entry.getValue();
      i++;
    }
    ColumnVector keyVector = new ValueVector(mapType.getKeyType(), keys, keys.length);
    ColumnVector valueVector = new ValueVector(mapType.getValueType(), mapValues, mapValues.length);
    return new MapValue() {
      @Override
      public int getSize() {
        return keys.length;
      }

      @Override
      public ColumnVector getKeys() {
        return keyVector;
      }

      @Override
      public ColumnVector getValues() {
        return valueVector;
      }
    };
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    StructType structType = (StructType) getDataType();
    Object[] childValues = new Object[getSize()];
    for (int row = 0; row < getSize(); row++) {
      List<?> fields = (List<?>) values[row];
      childValues[row] = fields == null ? null : fields.get(ordinal);
    }
    return new ValueVector(structType.at(ordinal).getDataType(), childValues, getSize());
  }

}
