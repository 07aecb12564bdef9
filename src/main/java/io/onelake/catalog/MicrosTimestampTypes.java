/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.sql.Timestamp;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactoryImpl;

/**
 * A type factory that can type Delta timestamp columns so that Calcite carries their values as
 * {@link MicrosTimestamp} objects, with all microseconds, instead of a {@code long} of milliseconds.
 * Other factories get a plain TIMESTAMP(6).
 */
public interface MicrosTimestampTypes {
  /** TIMESTAMP(6) whose runtime values are {@link java.sql.Timestamp} objects. */
  RelDataType microsTimestampType(boolean nullable);

  /** Whether Calcite carries values of the type as {@link java.sql.Timestamp} objects. */
  static boolean isMicrosTimestamp(RelDataType type) {
    return type instanceof RelDataTypeFactoryImpl.JavaType
        && ((RelDataTypeFactoryImpl.JavaType) type).getJavaClass() == Timestamp.class;
  }
}
