/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values of one column of a batch being filled row by row (Kernel representation, see
 * {@link ValueVector}). Integral, date, timestamp and small-decimal values go into primitive arrays:
 * a batch of boxed values costs an object per cell to build, to keep and to collect.
 */
abstract class ColumnBuffer {
  /** Decimals with at most this many digits are kept (and written by Parquet) as unscaled longs. */
  static final int MAX_LONG_DECIMAL_DIGITS = 18;

  final DataType type;

  private ColumnBuffer(DataType type) {
    this.type = type;
  }

  /**
   * @param utf8Strings STRING values are kept as their UTF-8 bytes in a BINARY vector, for the
   *     driver's Parquet writer ({@link FlatParquetFiles}), which writes such a vector's bytes as
   *     they are: the statement thread encodes them while the writer thread, the busier one, encodes
   *     the batches before
   */
  static ColumnBuffer forType(DataType type, int capacity, boolean utf8Strings) {
    if (utf8Strings && type instanceof StringType) {
      return new Utf8(capacity);
    }
    if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || (type instanceof DecimalType
            && ((DecimalType) type).getPrecision() <= MAX_LONG_DECIMAL_DIGITS)) {
      return new Longs(type, capacity);
    }
    if (type instanceof IntegerType || type instanceof DateType || type instanceof ShortType
        || type instanceof ByteType) {
      return new Ints(type, capacity);
    }
    return new Objects(type, capacity);
  }

  /** Sets the value of a row below the capacity; {@code null} for NULL. */
  abstract void set(int row, Object value);

  /** Makes room for {@code capacity} rows, keeping the values set so far. */
  abstract void grow(int capacity);

  /**
   * The first {@code size} values as a vector that owns the arrays; the buffer continues with new
   * arrays of {@code nextCapacity} rows (the vector is read by a writer thread meanwhile).
   */
  abstract ColumnVector take(int size, int nextCapacity);

  /** Primitive values with a null mask. */
  private abstract static class Primitives extends ColumnBuffer {
    private boolean[] nulls;

    Primitives(DataType type, int capacity) {
      super(type);
      this.nulls = new boolean[capacity];
    }

    @Override
    final void set(int row, Object value) {
      nulls[row] = value == null;
      setValue(row, value);
    }

    @Override
    final void grow(int capacity) {
      nulls = Arrays.copyOf(nulls, capacity);
      growValues(capacity);
    }

    @Override
    final ColumnVector take(int size, int nextCapacity) {
      ColumnVector vector = vector(nulls, size);
      nulls = new boolean[nextCapacity];
      newValues(nextCapacity);
      return vector;
    }

    /** Sets a row's value, or 0 for NULL. */
    abstract void setValue(int row, Object value);

    abstract void growValues(int capacity);

    abstract void newValues(int capacity);

    abstract ColumnVector vector(boolean[] nullMask, int size);
  }

  private static final class Longs extends Primitives {
    private final int scale;
    private long[] values;

    Longs(DataType type, int capacity) {
      super(type, capacity);
      this.scale = type instanceof DecimalType ? ((DecimalType) type).getScale() : -1;
      this.values = new long[capacity];
    }

    @Override
    void setValue(int row, Object value) {
      values[row] = value == null ? 0
          : scale < 0 ? ((Number) value).longValue() : unscaled((BigDecimal) value);
    }

    private long unscaled(BigDecimal value) {
      BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY);
      // scaleByPowerOfTen keeps a compact value compact: no BigInteger per value.
      return scaled.scaleByPowerOfTen(scale).longValueExact();
    }

    @Override
    void growValues(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    void newValues(int capacity) {
      values = new long[capacity];
    }

    @Override
    ColumnVector vector(boolean[] nullMask, int size) {
      return new LongVector(type, values, nullMask, size);
    }
  }

  private static final class Ints extends Primitives {
    private int[] values;

    Ints(DataType type, int capacity) {
      super(type, capacity);
      this.values = new int[capacity];
    }

    @Override
    void setValue(int row, Object value) {
      values[row] = value == null ? 0 : ((Number) value).intValue();
    }

    @Override
    void growValues(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    void newValues(int capacity) {
      values = new int[capacity];
    }

    @Override
    ColumnVector vector(boolean[] nullMask, int size) {
      return new IntVector(type, values, nullMask, size);
    }
  }

  private static class Objects extends ColumnBuffer {
    private Object[] values;

    Objects(DataType type, int capacity) {
      super(type);
      this.values = new Object[capacity];
    }

    @Override
    void set(int row, Object value) {
      values[row] = value;
    }

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    ColumnVector take(int size, int nextCapacity) {
      ColumnVector vector = new ValueVector(type, values, size);
      values = new Object[nextCapacity];
      return vector;
    }
  }

  /** Strings as UTF-8 bytes (see {@link #forType}). */
  private static final class Utf8 extends Objects {
    Utf8(int capacity) {
      super(BinaryType.BINARY, capacity);
    }

    @Override
    void set(int row, Object value) {
      super.set(row, value == null ? null : ((String) value).getBytes(StandardCharsets.UTF_8));
    }
  }
}
