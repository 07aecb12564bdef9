/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;

/** A row that is another row with the struct at one ordinal replaced. */
final class ReplacedFieldRow implements Row {
  private final Row delegate;
  private final int ordinal;
  private final Row struct;

  ReplacedFieldRow(Row delegate, int ordinal, Row struct) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.ordinal = ordinal;
    this.struct = requireNonNull(struct, "struct");
  }

  @Override
  public StructType getSchema() {
    return delegate.getSchema();
  }

  @Override
  public boolean isNullAt(int i) {
    return i != ordinal && delegate.isNullAt(i);
  }

  @Override
  public Row getStruct(int i) {
    return i == ordinal ? struct : delegate.getStruct(i);
  }

  @Override
  public boolean getBoolean(int i) {
    return delegate.getBoolean(i);
  }

  @Override
  public byte getByte(int i) {
    return delegate.getByte(i);
  }

  @Override
  public short getShort(int i) {
    return delegate.getShort(i);
  }

  @Override
  public int getInt(int i) {
    return delegate.getInt(i);
  }

  @Override
  public long getLong(int i) {
    return delegate.getLong(i);
  }

  @Override
  public float getFloat(int i) {
    return delegate.getFloat(i);
  }

  @Override
  public double getDouble(int i) {
    return delegate.getDouble(i);
  }

  @Override
  public String getString(int i) {
    return delegate.getString(i);
  }

  @Override
  public BigDecimal getDecimal(int i) {
    return delegate.getDecimal(i);
  }

  @Override
  public byte[] getBinary(int i) {
    return delegate.getBinary(i);
  }

  @Override
  public ArrayValue getArray(int i) {
    return delegate.getArray(i);
  }

  @Override
  public MapValue getMap(int i) {
    return delegate.getMap(i);
  }
}
