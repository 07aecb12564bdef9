/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Delta's type limits (DECIMAL up to 38 digits, timestamps with microsecond precision) and Spark SQL's
 * aggregate result types: Calcite's defaults keep the argument's type, so that {@code SUM} of an INT
 * column overflowed past 2^31 and {@code AVG} of integers truncated.
 */
public final class OneLakeTypeSystem extends RelDataTypeSystemImpl {
  public static final RelDataTypeSystem INSTANCE = new OneLakeTypeSystem();

  private OneLakeTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case DECIMAL:
        return 38;
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      case TIME:
        return 6;
      default:
        return super.getMaxPrecision(typeName);
    }
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  /**
   * As Spark: integers sum to BIGINT, {@code DECIMAL(p, s)} to {@code DECIMAL(p + 10, s)} (at most 38
   * digits), floating-point numbers to DOUBLE.
   */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName typeName = argumentType.getSqlTypeName();
    RelDataType sum;
    if (SqlTypeName.INT_TYPES.contains(typeName)) {
      sum = typeFactory.createSqlType(SqlTypeName.BIGINT);
    } else if (typeName == SqlTypeName.DECIMAL) {
      sum = typeFactory.createSqlType(SqlTypeName.DECIMAL,
          Math.min(getMaxPrecision(SqlTypeName.DECIMAL), argumentType.getPrecision() + 10),
          argumentType.getScale());
    } else if (SqlTypeName.APPROX_TYPES.contains(typeName)) {
      sum = typeFactory.createSqlType(SqlTypeName.DOUBLE);
    } else {
      return super.deriveSumType(typeFactory, argumentType);
    }
    return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
  }

  /**
   * As Spark: the average (and the standard deviation and variance) of numbers is a DOUBLE, of
   * {@code DECIMAL(p, s)} a decimal with four more digits of scale. Calcite computes an average as its
   * sum cast to this type divided by the count, so the type also holds the sum's integer digits
   * ({@link #deriveSumType}): {@code DECIMAL(p + 14, s + 4)}, at most 38 digits, where the scale gives
   * way first.
   */
  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName typeName = argumentType.getSqlTypeName();
    RelDataType average;
    if (typeName == SqlTypeName.DECIMAL) {
      int precision = Math.min(getMaxPrecision(SqlTypeName.DECIMAL), argumentType.getPrecision() + 14);
      int sumIntegerDigits = argumentType.getPrecision() - argumentType.getScale() + 10;
      int scale = Math.min(argumentType.getScale() + 4,
          Math.max(argumentType.getScale(), precision - sumIntegerDigits));
      average = typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    } else if (SqlTypeName.INT_TYPES.contains(typeName)
        || SqlTypeName.APPROX_TYPES.contains(typeName)) {
      average = typeFactory.createSqlType(SqlTypeName.DOUBLE);
    } else {
      return super.deriveAvgAggType(typeFactory, argumentType);
    }
    return typeFactory.createTypeWithNullability(average, argumentType.isNullable());
  }

  /** As Spark: covariances are DOUBLE (Calcite's default, the first argument's type, truncates). */
  @Override
  public RelDataType deriveCovarType(RelDataTypeFactory typeFactory, RelDataType arg0Type,
      RelDataType arg1Type) {
    if (SqlTypeName.NUMERIC_TYPES.contains(arg0Type.getSqlTypeName())
        && SqlTypeName.NUMERIC_TYPES.contains(arg1Type.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
          arg0Type.isNullable() || arg1Type.isNullable());
    }
    return super.deriveCovarType(typeFactory, arg0Type, arg1Type);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    // VALUES ('a'), ('bb') is VARCHAR, not blank-padded CHAR(2).
    return true;
  }
}
