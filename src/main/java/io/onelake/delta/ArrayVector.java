/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;

/** A Kernel {@link ColumnVector} over Java arrays the driver filled: type and size; nothing to close. */
abstract class ArrayVector implements ColumnVector {
  private final DataType type;
  private final int size;

  ArrayVector(DataType type, int size) {
    this.type = requireNonNull(type, "type");
    this.size = size;
  }

  @Override
  public final DataType getDataType() {
    return type;
  }

  @Override
  public final int getSize() {
    return size;
  }

  @Override
  public final void close() {}
}
