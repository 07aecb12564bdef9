/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.onelake.OneLakeException;
import io.onelake.sql.OneLakeTypeSystem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class KernelRowConverterTest {
  private final RelDataTypeFactory factory = new JavaTypeFactoryImpl(OneLakeTypeSystem.INSTANCE);
  private final ZoneId berlin = ZoneId.of("Europe/Berlin");

  @Test
  void zonelessTimestampsAreReadInTheSessionTimeZone() {
    StructType schema = new StructType().add("ts", TimestampType.TIMESTAMP);
    KernelRowConverter converter =
        new KernelRowConverter(schema, List.of(sql(SqlTypeName.TIMESTAMP)), berlin);
    long localMillis = LocalDateTime.of(2024, 7, 1, 12, 0, 0, 123_000_000)
        .toInstant(ZoneOffset.UTC).toEpochMilli();
    Object[] row = converter.convert(new Object[] {localMillis});
    long expectedMicros = Instant.parse("2024-07-01T10:00:00.123Z").toEpochMilli() * 1000;
    assertEquals(expectedMicros, row[0]);
  }

  @Test
  void instantsStayInstants() {
    StructType schema = new StructType().add("ts", TimestampType.TIMESTAMP);
    KernelRowConverter converter = new KernelRowConverter(schema,
        List.of(sql(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)), berlin);
    long millis = Instant.parse("1969-12-31T23:59:59.999Z").toEpochMilli();
    assertEquals(millis * 1000, converter.convert(new Object[] {millis})[0]);
  }

  @Test
  void ntzValuesAreLocalMicroseconds() {
    StructType schema = new StructType().add("ts", TimestampNTZType.TIMESTAMP_NTZ);
    KernelRowConverter converter =
        new KernelRowConverter(schema, List.of(sql(SqlTypeName.TIMESTAMP)), berlin);
    assertEquals(-1000L, converter.convert(new Object[] {-1L})[0]);
  }

  @Test
  void decimalsAreScaledAndCheckedForOverflow() {
    StructType schema = new StructType().add("d", new DecimalType(5, 2));
    KernelRowConverter converter =
        new KernelRowConverter(schema, List.of(factory.createSqlType(SqlTypeName.DECIMAL, 5, 2)), berlin);
    assertEquals(new BigDecimal("123.40"), converter.convert(new Object[] {new BigDecimal("123.4")})[0]);
    OneLakeException error = assertThrows(OneLakeException.class,
        () -> converter.convert(new Object[] {new BigDecimal("1234.5")}));
    assertEquals(OneLakeException.NUMERIC_OUT_OF_RANGE, error.sqlState());
  }

  @Test
  void nullIntoNotNullColumnIs23502() {
    StructType schema = new StructType().add("id", IntegerType.INTEGER, false);
    KernelRowConverter converter =
        new KernelRowConverter(schema, List.of(sql(SqlTypeName.INTEGER)), berlin);
    OneLakeException error = assertThrows(OneLakeException.class,
        () -> converter.convert(new Object[] {null}));
    assertEquals(OneLakeException.NOT_NULL_VIOLATION, error.sqlState());
  }

  @Test
  void oneColumnRowsMayBeBareValuesAndBinaryBecomesBytes() {
    StructType schema = new StructType().add("b", BinaryType.BINARY);
    KernelRowConverter converter =
        new KernelRowConverter(schema, List.of(sql(SqlTypeName.VARBINARY)), berlin);
    Object[] row = converter.convert(new ByteString(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) row[0]);
  }

  @Test
  void nestedValuesAreConvertedRecursively() {
    StructType address = new StructType().add("street", StringType.STRING).add("since", TimestampType.TIMESTAMP);
    StructType schema = new StructType().add("addr", address);
    RelDataType sourceType = factory.builder()
        .add("street", sql(SqlTypeName.VARCHAR))
        .add("since", sql(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE))
        .build();
    KernelRowConverter converter = new KernelRowConverter(schema, List.of(sourceType), berlin);
    Object[] row = converter.convert(new Object[] {new Object[] {"Main St", 5L}});
    assertEquals(List.of("Main St", 5000L), row[0]);
  }

  private RelDataType sql(SqlTypeName type) {
    return factory.createTypeWithNullability(factory.createSqlType(type), true);
  }
}
