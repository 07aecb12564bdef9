/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import java.math.BigDecimal;

/**
 * A Kernel {@link ColumnVector} over a {@code long[]}: BIGINT, TIMESTAMP and TIMESTAMP_NTZ (epoch
 * microseconds) and DECIMAL of at most 18 digits (the unscaled value, the way Parquet stores it), so
 * that written rows are not kept as one boxed object per value.
 */
final class LongVector extends ArrayVector {
  private final long[] values;
  private final boolean[] nulls;
  private final int scale;

  LongVector(DataType type, long[] values, boolean[] nulls, int size) {
    super(type, size);
    this.values = requireNonNull(values, "values");
    this.nulls = requireNonNull(nulls, "nulls");
    this.scale = type instanceof DecimalType ? ((DecimalType) type).getScale() : 0;
  }

  /** The values, of which the first {@link #getSize()} count; decimals unscaled. */
  long[] values() {
    return values;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return nulls[rowId];
  }

  @Override
  public long getLong(int rowId) {
    return values[rowId];
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    return nulls[rowId] ? null : BigDecimal.valueOf(values[rowId], scale);
  }
}
