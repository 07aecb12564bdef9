/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.expressions.Literal;
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
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;

/** Kernel {@link Literal}s from values in the driver's Kernel representation (see {@link ValueVector}). */
public final class KernelLiterals {
  private KernelLiterals() {}

  public static Literal of(DataType type, Object value) {
    if (value == null) {
      return Literal.ofNull(type);
    }
    if (type instanceof BooleanType) {
      return Literal.ofBoolean((Boolean) value);
    } else if (type instanceof ByteType) {
      return Literal.ofByte(((Number) value).byteValue());
    } else if (type instanceof ShortType) {
      return Literal.ofShort(((Number) value).shortValue());
    } else if (type instanceof IntegerType) {
      return Literal.ofInt(((Number) value).intValue());
    } else if (type instanceof LongType) {
      return Literal.ofLong(((Number) value).longValue());
    } else if (type instanceof FloatType) {
      return Literal.ofFloat(((Number) value).floatValue());
    } else if (type instanceof DoubleType) {
      return Literal.ofDouble(((Number) value).doubleValue());
    } else if (type instanceof StringType) {
      return Literal.ofString((String) value);
    } else if (type instanceof BinaryType) {
      return Literal.ofBinary((byte[]) value);
    } else if (type instanceof DateType) {
      return Literal.ofDate(((Number) value).intValue());
    } else if (type instanceof TimestampType) {
      return Literal.ofTimestamp(((Number) value).longValue());
    } else if (type instanceof TimestampNTZType) {
      return Literal.ofTimestampNtz(((Number) value).longValue());
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return Literal.ofDecimal((BigDecimal) value, decimal.getPrecision(), decimal.getScale());
    }
    throw new IllegalArgumentException("type " + type + " cannot be a partition value");
  }
}
