/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

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
import io.onelake.OneLakeException;
import io.onelake.sql.parser.SqlCreateDeltaTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.SqlMapTypeNameSpec;

/**
 * Delta types for the column types written in CREATE TABLE, in SQL and in Spark spelling: INT/INTEGER,
 * BIGINT/LONG, TINYINT/BYTE, SMALLINT/SHORT, REAL/FLOAT, DOUBLE, DECIMAL(p,s), VARCHAR/STRING,
 * VARBINARY/BINARY, DATE, TIMESTAMP (a UTC instant), TIMESTAMP_NTZ, and ARRAY/MAP/ROW.
 */
final class DeclaredTypes {
  private DeclaredTypes() {}

  static StructType schema(List<SqlCreateDeltaTable.Column> columns) {
    List<StructField> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlCreateDeltaTable.Column column : columns) {
      if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
        throw new OneLakeException(OneLakeException.SYNTAX, "Column " + column.name()
            + " is declared twice (Delta column names are case-insensitive)");
      }
      FieldMetadata metadata = column.comment()
          .map(comment -> FieldMetadata.builder().putString("comment", comment).build())
          .orElse(FieldMetadata.empty());
      fields.add(new StructField(column.name(), type(column.type()), column.nullable(), metadata));
    }
    return new StructType(fields);
  }

  static DataType type(SqlDataTypeSpec spec) {
    return type(spec.getTypeNameSpec());
  }

  private static DataType type(SqlTypeNameSpec spec) {
    if (spec instanceof SqlCollectionTypeNameSpec) {
      SqlCollectionTypeNameSpec collection = (SqlCollectionTypeNameSpec) spec;
      if (!spec.getTypeName().getSimple().equalsIgnoreCase("ARRAY")) {
        throw unsupported(spec);
      }
      return new ArrayType(type(collection.getElementTypeName()), true);
    }
    if (spec instanceof SqlMapTypeNameSpec) {
      SqlMapTypeNameSpec map = (SqlMapTypeNameSpec) spec;
      return new MapType(type(map.getKeyType()), type(map.getValType()), true);
    }
    if (spec instanceof SqlRowTypeNameSpec) {
      SqlRowTypeNameSpec row = (SqlRowTypeNameSpec) spec;
      List<StructField> fields = new ArrayList<>();
      for (int i = 0; i < row.getFieldNames().size(); i++) {
        fields.add(new StructField(row.getFieldNames().get(i).getSimple(), type(row.getFieldTypes().get(i)),
            true));
      }
      return new StructType(fields);
    }
    String name = spec.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    if (spec instanceof SqlBasicTypeNameSpec) {
      SqlBasicTypeNameSpec basic = (SqlBasicTypeNameSpec) spec;
      switch (name) {
        case "DECIMAL":
        case "NUMERIC":
        case "DEC": {
          int precision = basic.getPrecision() < 0 ? 10 : basic.getPrecision();
          int scale = basic.getScale() < 0 ? 0 : basic.getScale();
          if (precision < 1 || precision > 38 || scale > precision) {
            throw new OneLakeException(OneLakeException.SYNTAX,
                "DECIMAL(" + precision + ", " + scale + ") is invalid: precision must be 1 to 38 "
                    + "and scale at most the precision");
          }
          return new DecimalType(precision, scale);
        }
        case "TIMESTAMP_WITH_LOCAL_TIME_ZONE":
          return TimestampType.TIMESTAMP;
        default:
          break;
      }
    } else if (!(spec instanceof SqlUserDefinedTypeNameSpec)) {
      throw unsupported(spec);
    }
    switch (name) {
      case "BOOLEAN":
        return BooleanType.BOOLEAN;
      case "TINYINT":
      case "BYTE":
        return ByteType.BYTE;
      case "SMALLINT":
      case "SHORT":
        return ShortType.SHORT;
      case "INT":
      case "INTEGER":
        return IntegerType.INTEGER;
      case "BIGINT":
      case "LONG":
        return LongType.LONG;
      case "REAL":
      case "FLOAT":
        return FloatType.FLOAT;
      case "DOUBLE":
        return DoubleType.DOUBLE;
      case "VARCHAR":
      case "CHAR":
      case "STRING":
      case "TEXT":
        return StringType.STRING;
      case "VARBINARY":
      case "BINARY":
        return BinaryType.BINARY;
      case "DATE":
        return DateType.DATE;
      case "TIMESTAMP":
      case "TIMESTAMP_LTZ":
        return TimestampType.TIMESTAMP;
      case "TIMESTAMP_NTZ":
        return TimestampNTZType.TIMESTAMP_NTZ;
      default:
        throw unsupported(spec);
    }
  }

  private static OneLakeException unsupported(SqlTypeNameSpec spec) {
    return new OneLakeException(OneLakeException.SYNTAX,
        "Unknown or unsupported column type " + spec.getTypeName() + " for a Delta table");
  }
}
