/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;

/**
 * A Kernel {@link ColumnVector} over an {@code int[]}: INT, SMALLINT, TINYINT and DATE (epoch days),
 * so that written rows are not kept as one boxed object per value.
 */
final class IntVector extends ArrayVector {
  private final int[] values;
  private final boolean[] nulls;

  IntVector(DataType type, int[] values, boolean[] nulls, int size) {
    super(type, size);
    this.values = requireNonNull(values, "values");
    this.nulls = requireNonNull(nulls, "nulls");
  }

  /** The values, of which the first {@link #getSize()} count. */
  int[] values() {
    return values;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return nulls[rowId];
  }

  @Override
  public byte getByte(int rowId) {
    return (byte) values[rowId];
  }

  @Override
  public short getShort(int rowId) {
    return (short) values[rowId];
  }

  @Override
  public int getInt(int rowId) {
    return values[rowId];
  }
}
