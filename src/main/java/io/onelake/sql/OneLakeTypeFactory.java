/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.MicrosTimestampTypes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Calcite's type factory with UTF-8 as the character set of strings: Delta strings are UTF-8, and
 * Calcite's default (ISO-8859-1 unless a JVM-wide property says otherwise, read once when Calcite loads)
 * would reject most of the world's text in literals. It also types Delta timestamp columns as
 * {@link MicrosTimestampType}, so that their microseconds survive Calcite's runtime.
 */
public final class OneLakeTypeFactory extends JavaTypeFactoryImpl implements MicrosTimestampTypes {
  public OneLakeTypeFactory() {
    super(OneLakeTypeSystem.INSTANCE);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_8;
  }

  @Override
  public RelDataType microsTimestampType(boolean nullable) {
    return canonize(new MicrosTimestampType(nullable));
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    // The base class would copy it into a plain JavaType(Timestamp), which has no precision.
    if (type instanceof MicrosTimestampType) {
      return type.isNullable() == nullable ? type : microsTimestampType(nullable);
    }
    return super.createTypeWithNullability(type, nullable);
  }

  /**
   * SQL TIMESTAMP(6) carried as {@link Timestamp} objects. Calcite passes such values through
   * projections, filters, sorts, joins and unions unchanged, and converts them to its milliseconds only
   * to compute with them; mixed with other TIMESTAMP types it yields a plain TIMESTAMP(6).
   */
  private final class MicrosTimestampType extends JavaType {
    MicrosTimestampType(boolean nullable) {
      super(Timestamp.class, nullable);
    }

    @Override
    public int getPrecision() {
      return DeltaTypes.TIMESTAMP_PRECISION;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
      // Messages show the SQL type; the digest must differ from a plain TIMESTAMP(6).
      sb.append("TIMESTAMP(").append(DeltaTypes.TIMESTAMP_PRECISION).append(')');
      if (withDetail) {
        sb.append(" /* java.sql.Timestamp */");
      }
    }
  }
}
