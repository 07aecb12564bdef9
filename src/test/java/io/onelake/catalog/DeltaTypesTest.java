/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.types.ArrayType;
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
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.types.VariantType;
import io.onelake.sql.OneLakeTypeSystem;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class DeltaTypesTest {
  private final RelDataTypeFactory factory = new JavaTypeFactoryImpl(OneLakeTypeSystem.INSTANCE);

  @Test
  void primitiveTypesMapAsTheSpecSays() {
    assertSql(BooleanType.BOOLEAN, SqlTypeName.BOOLEAN);
    assertSql(ByteType.BYTE, SqlTypeName.TINYINT);
    assertSql(ShortType.SHORT, SqlTypeName.SMALLINT);
    assertSql(IntegerType.INTEGER, SqlTypeName.INTEGER);
    assertSql(LongType.LONG, SqlTypeName.BIGINT);
    assertSql(FloatType.FLOAT, SqlTypeName.REAL);
    assertSql(DoubleType.DOUBLE, SqlTypeName.DOUBLE);
    assertSql(StringType.STRING, SqlTypeName.VARCHAR);
    assertSql(BinaryType.BINARY, SqlTypeName.VARBINARY);
    assertSql(DateType.DATE, SqlTypeName.DATE);
    // A Delta timestamp is shown as the session time zone's wall-clock time (see DeltaTypes).
    assertSql(TimestampType.TIMESTAMP, SqlTypeName.TIMESTAMP);
    assertEquals(SqlTypeName.TIMESTAMP,
        DeltaTypes.toRelType(factory, TimestampNTZType.TIMESTAMP_NTZ, true).getSqlTypeName());
  }

  @Test
  void decimalsKeepPrecisionAndScaleUpTo38Digits() {
    RelDataType type = DeltaTypes.toRelType(factory, new DecimalType(38, 18), true);
    assertEquals(SqlTypeName.DECIMAL, type.getSqlTypeName());
    assertEquals(38, type.getPrecision());
    assertEquals(18, type.getScale());
    assertEquals(new DecimalType(38, 18), DeltaTypes.toDeltaType(type));
  }

  @Test
  void timestampsCarryMicrosecondPrecisionInTheirType() {
    assertEquals(6, DeltaTypes.toRelType(factory, TimestampType.TIMESTAMP, true).getPrecision());
    assertEquals(6, DeltaTypes.toRelType(factory, TimestampNTZType.TIMESTAMP_NTZ, true).getPrecision());
  }

  @Test
  void nullabilityFollowsTheField() {
    assertTrue(DeltaTypes.toRelType(factory, IntegerType.INTEGER, true).isNullable());
    assertFalse(DeltaTypes.toRelType(factory, IntegerType.INTEGER, false).isNullable());
  }

  @Test
  void nestedTypesRoundTrip() {
    StructType struct = new StructType().add("street", StringType.STRING).add("zip", IntegerType.INTEGER);
    DataType[] types = {
        new ArrayType(StringType.STRING, true),
        new MapType(StringType.STRING, LongType.LONG, true),
        struct,
        new ArrayType(struct, true)};
    for (DataType type : types) {
      RelDataType sql = DeltaTypes.toRelType(factory, type, true);
      assertEquals(type, DeltaTypes.toDeltaType(sql), type.toString());
    }
  }

  @Test
  void zonelessSqlTimestampsBecomeUtcInstantsInNewTables() {
    RelDataType row = factory.builder()
        .add("ts", factory.createSqlType(SqlTypeName.TIMESTAMP, 3))
        .add("name", factory.createSqlType(SqlTypeName.CHAR, 5))
        .build();
    StructType schema = DeltaTypes.toDeltaSchema(row);
    assertEquals(TimestampType.TIMESTAMP, schema.at(0).getDataType());
    assertEquals(StringType.STRING, schema.at(1).getDataType());
    assertEquals(List.of("ts", "name"), schema.fieldNames());
  }

  @Test
  void typesWithoutADeltaEquivalentAreRefused() {
    assertThrows(DeltaTypes.UnsupportedTypeException.class,
        () -> DeltaTypes.toDeltaType(factory.createSqlType(SqlTypeName.TIME)));
    assertThrows(DeltaTypes.UnsupportedTypeException.class,
        () -> DeltaTypes.toRelType(factory, VariantType.VARIANT, true));
  }

  private void assertSql(DataType delta, SqlTypeName sql) {
    RelDataType type = DeltaTypes.toRelType(factory, delta, true);
    assertEquals(sql, type.getSqlTypeName(), delta.toString());
    assertEquals(delta, DeltaTypes.toDeltaType(type), delta + " round trip");
  }
}
