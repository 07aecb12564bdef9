/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The type mapping of SPEC §6 between Delta (Kernel) types and SQL (Calcite) types.
 *
 * <p>Delta {@code timestamp} is an instant with "local time zone" semantics: SQL sees it as a TIMESTAMP
 * holding the instant's wall-clock time in the session time zone (as Spark shows it), and JDBC returns
 * the right instant. It is not typed TIMESTAMP WITH LOCAL TIME ZONE because Calcite's runtime drops the
 * fractional seconds when it converts between that type and TIMESTAMP, and Avatica returns its values
 * shifted by the zone offset. {@code timestamp_ntz} is a TIMESTAMP taken as is.
 */
public final class DeltaTypes {
  /** Fractional-second digits of Delta timestamps (microseconds). */
  public static final int TIMESTAMP_PRECISION = 6;

  private DeltaTypes() {}

  /**
   * The SQL row type of a table's Delta schema. Its timestamp columns keep their microseconds in
   * Calcite's runtime when the factory can type them so ({@link MicrosTimestampTypes}); timestamps
   * inside arrays, maps and structs are carried as milliseconds.
   */
  public static RelDataType toRelType(RelDataTypeFactory factory, StructType schema) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (StructField field : schema.fields()) {
      DataType type = field.getDataType();
      boolean timestamp = type instanceof TimestampType || type instanceof TimestampNTZType;
      builder.add(field.getName(), timestamp && factory instanceof MicrosTimestampTypes
          ? ((MicrosTimestampTypes) factory).microsTimestampType(field.isNullable())
          : toRelType(factory, type, field.isNullable()));
    }
    return builder.build();
  }

  private static RelDataType toStructType(RelDataTypeFactory factory, StructType struct) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (StructField field : struct.fields()) {
      builder.add(field.getName(), toRelType(factory, field.getDataType(), field.isNullable()));
    }
    return builder.build();
  }

  public static RelDataType toRelType(RelDataTypeFactory factory, DataType type, boolean nullable) {
    return factory.createTypeWithNullability(toRelType(factory, type), nullable);
  }

  private static RelDataType toRelType(RelDataTypeFactory factory, DataType type) {
    if (type instanceof BooleanType) {
      return factory.createSqlType(SqlTypeName.BOOLEAN);
    } else if (type instanceof ByteType) {
      return factory.createSqlType(SqlTypeName.TINYINT);
    } else if (type instanceof ShortType) {
      return factory.createSqlType(SqlTypeName.SMALLINT);
    } else if (type instanceof IntegerType) {
      return factory.createSqlType(SqlTypeName.INTEGER);
    } else if (type instanceof LongType) {
      return factory.createSqlType(SqlTypeName.BIGINT);
    } else if (type instanceof FloatType) {
      return factory.createSqlType(SqlTypeName.REAL);
    } else if (type instanceof DoubleType) {
      return factory.createSqlType(SqlTypeName.DOUBLE);
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return factory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof StringType) {
      return factory.createSqlType(SqlTypeName.VARCHAR);
    } else if (type instanceof BinaryType) {
      return factory.createSqlType(SqlTypeName.VARBINARY);
    } else if (type instanceof DateType) {
      return factory.createSqlType(SqlTypeName.DATE);
    } else if (type instanceof TimestampType) {
      return factory.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION);
    } else if (type instanceof TimestampNTZType) {
      return factory.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION);
    } else if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      return factory.createArrayType(
          toRelType(factory, array.getElementType(), array.containsNull()), -1);
    } else if (type instanceof MapType) {
      MapType map = (MapType) type;
      return factory.createMapType(toRelType(factory, map.getKeyType(), false),
          toRelType(factory, map.getValueType(), map.isValueContainsNull()));
    } else if (type instanceof StructType) {
      return toStructType(factory, (StructType) type);
    }
    throw new UnsupportedTypeException("Delta type " + type + " is not supported");
  }

  /** The Delta schema for a SQL row type (CREATE TABLE ... AS SELECT). */
  public static StructType toDeltaSchema(RelDataType rowType) {
    List<StructField> fields = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      fields.add(new StructField(field.getName(), toDeltaType(field.getType()),
          field.getType().isNullable(), FieldMetadata.empty()));
    }
    return new StructType(fields);
  }

  public static DataType toDeltaType(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        return BooleanType.BOOLEAN;
      case TINYINT:
        return ByteType.BYTE;
      case SMALLINT:
        return ShortType.SHORT;
      case INTEGER:
        return IntegerType.INTEGER;
      case BIGINT:
        return LongType.LONG;
      case REAL:
      case FLOAT:
        return FloatType.FLOAT;
      case DOUBLE:
        return DoubleType.DOUBLE;
      case DECIMAL:
        return new DecimalType(type.getPrecision(), Math.max(0, type.getScale()));
      case CHAR:
      case VARCHAR:
        return StringType.STRING;
      case BINARY:
      case VARBINARY:
        return BinaryType.BINARY;
      case DATE:
        return DateType.DATE;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      case TIMESTAMP_TZ:
      case TIMESTAMP:
        // A zoneless SQL timestamp becomes a UTC instant (read in the session time zone), as in Spark:
        // timestamp_ntz columns are created only on request because Fabric's SQL endpoint drops them.
        return TimestampType.TIMESTAMP;
      case ARRAY: {
        RelDataType element = type.getComponentType();
        return new ArrayType(toDeltaType(element), element.isNullable());
      }
      case MAP: {
        RelDataType value = type.getValueType();
        return new MapType(toDeltaType(type.getKeyType()), toDeltaType(value), value.isNullable());
      }
      case ROW:
        return toDeltaSchema(type);
      case NULL:
        return StringType.STRING;
      default:
        throw new UnsupportedTypeException(
            "SQL type " + type.getFullTypeString() + " has no Delta equivalent");
    }
  }

  /** Thrown for types outside the mapping (SQLState 0A000). */
  public static final class UnsupportedTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedTypeException(String message) {
      super(message);
    }
  }
}
