/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
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
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.catalog.TableId;
import io.onelake.delta.DeltaLake;
import io.onelake.exec.Session;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * DatabaseMetaData of a lakehouse (SPEC §2, §6): the catalog is the lakehouse, schemas are its schemas,
 * tables come from folder listings and columns from each table's Delta schema, with JDBC types, sizes,
 * nullability and comments.
 */
final class LakehouseMetadata {
  /** Tables whose comments are read at the same time while tables are listed. */
  private static final int REMARKS_THREADS = 8;
  private final AvaticaConnection connection;
  private final Session session;

  LakehouseMetadata(AvaticaConnection connection, Session session) {
    this.connection = requireNonNull(connection, "connection");
    this.session = requireNonNull(session, "session");
  }

  Meta.MetaResultSet catalogs() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {catalog().name()});
    return resultSet(List.of(string("TABLE_CAT", 0)), rows);
  }

  Meta.MetaResultSet schemas(String catalogName, Meta.Pat schemaPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (catalogMatches(catalogName)) {
      Pattern pattern = like(schemaPattern);
      for (String schema : catalog().schemaNames()) {
        if (pattern.matcher(schema).matches()) {
          rows.add(new Object[] {schema, catalog().name()});
        }
      }
    }
    return resultSet(List.of(string("TABLE_SCHEM", 0), string("TABLE_CATALOG", 1)), rows);
  }

  Meta.MetaResultSet tableTypes() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"TABLE"});
    return resultSet(List.of(string("TABLE_TYPE", 0)), rows);
  }

  /**
   * The types a column can have (SPEC §3), one row each, sorted by DATA_TYPE as JDBC requires. Only
   * types that CREATE TABLE accepts and Delta can store are listed, so tools never offer one that fails.
   */
  Meta.MetaResultSet typeInfo() {
    final short searchable = (short) DatabaseMetaData.typeSearchable;
    final short basic = (short) DatabaseMetaData.typePredBasic;
    final short none = (short) DatabaseMetaData.typePredNone;
    List<Object[]> rows = new ArrayList<>();
    rows.add(typeRow("BOOLEAN", Types.BOOLEAN, 1, null, null, null, false, basic, null, null, null));
    rows.add(typeRow("TINYINT", Types.TINYINT, 3, null, null, null, false, searchable, 0, 0, 10));
    rows.add(typeRow("SMALLINT", Types.SMALLINT, 5, null, null, null, false, searchable, 0, 0, 10));
    rows.add(typeRow("INTEGER", Types.INTEGER, 10, null, null, null, false, searchable, 0, 0, 10));
    rows.add(typeRow("BIGINT", Types.BIGINT, 19, null, null, null, false, searchable, 0, 0, 10));
    // Precision in decimal digits (radix 10), matching what getColumns reports for these columns.
    rows.add(typeRow("REAL", Types.REAL, 7, null, null, null, false, searchable, null, null, 10));
    rows.add(typeRow("DOUBLE", Types.DOUBLE, 15, null, null, null, false, searchable, null, null, 10));
    rows.add(typeRow("DECIMAL", Types.DECIMAL, 38, null, null, "precision,scale", false, searchable,
        0, 38, 10));
    // Delta strings and binaries have no declared length.
    rows.add(typeRow("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", null, true, searchable,
        null, null, null));
    rows.add(typeRow("VARBINARY", Types.VARBINARY, Integer.MAX_VALUE, "X'", "'", null, false, basic,
        null, null, null));
    rows.add(typeRow("DATE", Types.DATE, 10, "DATE '", "'", null, false, searchable, null, null,
        null));
    // Delta timestamps are always microseconds: 'yyyy-MM-dd HH:mm:ss.SSSSSS' is 26 characters.
    rows.add(typeRow("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", "'", null, false, searchable,
        6, 6, null));
    // Nested types cannot be compared in a WHERE clause.
    rows.add(typeRow("ARRAY", Types.ARRAY, null, null, null, null, false, none, null, null, null));
    rows.add(typeRow("MAP", Types.JAVA_OBJECT, null, null, null, null, false, none, null, null, null));
    rows.add(typeRow("STRUCT", Types.STRUCT, null, null, null, null, false, none, null, null, null));
    rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
    Object[][] spec = {{"TYPE_NAME", String.class}, {"DATA_TYPE", Integer.class},
        {"PRECISION", Integer.class}, {"LITERAL_PREFIX", String.class}, {"LITERAL_SUFFIX", String.class},
        {"CREATE_PARAMS", String.class}, {"NULLABLE", Short.class}, {"CASE_SENSITIVE", Boolean.class},
        {"SEARCHABLE", Short.class}, {"UNSIGNED_ATTRIBUTE", Boolean.class},
        {"FIXED_PREC_SCALE", Boolean.class}, {"AUTO_INCREMENT", Boolean.class},
        {"LOCAL_TYPE_NAME", String.class}, {"MINIMUM_SCALE", Short.class},
        {"MAXIMUM_SCALE", Short.class}, {"SQL_DATA_TYPE", Integer.class},
        {"SQL_DATETIME_SUB", Integer.class}, {"NUM_PREC_RADIX", Integer.class}};
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < spec.length; i++) {
      columns.add(MetaImpl.columnMetaData((String) spec[i][0], i, (Class<?>) spec[i][1], true));
    }
    return resultSet(columns, rows);
  }

  private static Object[] typeRow(String name, int dataType, Integer precision, String prefix,
      String suffix, String createParams, boolean caseSensitive, short searchable, Integer minScale,
      Integer maxScale, Integer radix) {
    return new Object[] {name, dataType, precision, prefix, suffix, createParams,
        (short) DatabaseMetaData.typeNullable, caseSensitive, searchable, false, false, false, name,
        minScale == null ? null : minScale.shortValue(), maxScale == null ? null : maxScale.shortValue(),
        null, null, radix};
  }

  Meta.MetaResultSet tables(String catalogName, Meta.Pat schemaPattern, Meta.Pat tablePattern,
      List<String> types) {
    List<Object[]> rows = new ArrayList<>();
    boolean wantsTables = types == null || types.stream().anyMatch(t -> t.equalsIgnoreCase("TABLE"));
    if (catalogMatches(catalogName) && wantsTables) {
      List<TableId> tables = matchingTables(schemaPattern, tablePattern);
      List<String> remarks = remarks(tables);
      for (int i = 0; i < tables.size(); i++) {
        TableId id = tables.get(i);
        rows.add(new Object[] {catalog().name(), id.schema(), id.name(), "TABLE", remarks.get(i), null,
            null, null, null, null});
      }
    }
    String[] names = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
        "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"};
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      columns.add(string(names[i], i));
    }
    return resultSet(columns, rows);
  }

  Meta.MetaResultSet columns(String catalogName, Meta.Pat schemaPattern, Meta.Pat tablePattern,
      Meta.Pat columnPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (catalogMatches(catalogName)) {
      Pattern columnRegex = like(columnPattern);
      for (TableId id : matchingTables(schemaPattern, tablePattern)) {
        Optional<Snapshot> snapshot = catalog().lake().latest(id.path(), catalog().metadataTtl());
        if (snapshot.isEmpty()) {
          continue;
        }
        StructType schema = snapshot.get().getSchema();
        for (int i = 0; i < schema.length(); i++) {
          StructField field = schema.at(i);
          if (columnRegex.matcher(field.getName()).matches()) {
            rows.add(columnRow(id, field, i + 1));
          }
        }
      }
    }
    Object[][] spec = {
        {"TABLE_CAT", String.class}, {"TABLE_SCHEM", String.class}, {"TABLE_NAME", String.class},
        {"COLUMN_NAME", String.class}, {"DATA_TYPE", Integer.class}, {"TYPE_NAME", String.class},
        {"COLUMN_SIZE", Integer.class}, {"BUFFER_LENGTH", Integer.class},
        {"DECIMAL_DIGITS", Integer.class}, {"NUM_PREC_RADIX", Integer.class},
        {"NULLABLE", Integer.class}, {"REMARKS", String.class}, {"COLUMN_DEF", String.class},
        {"SQL_DATA_TYPE", Integer.class}, {"SQL_DATETIME_SUB", Integer.class},
        {"CHAR_OCTET_LENGTH", Integer.class}, {"ORDINAL_POSITION", Integer.class},
        {"IS_NULLABLE", String.class}, {"SCOPE_CATALOG", String.class}, {"SCOPE_SCHEMA", String.class},
        {"SCOPE_TABLE", String.class}, {"SOURCE_DATA_TYPE", Short.class},
        {"IS_AUTOINCREMENT", String.class}, {"IS_GENERATEDCOLUMN", String.class}};
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < spec.length; i++) {
      columns.add(MetaImpl.columnMetaData((String) spec[i][0], i, (Class<?>) spec[i][1], true));
    }
    return resultSet(columns, rows);
  }

  /**
   * The table comments (REMARKS), one per table. A comment lives in each table's Delta metadata, so
   * every table's latest snapshot is loaded — a log listing and its checksum or checkpoint, never the
   * data — several at a time, because remote storage answers slower than it works. The snapshots stay
   * in the lake's cache for the getColumns calls that tools make next. A table that cannot be read
   * still gets listed, without a comment.
   */
  private List<String> remarks(List<TableId> tables) {
    if (tables.isEmpty()) {
      return List.of();
    }
    int threads = Math.min(REMARKS_THREADS, tables.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "onelake-table-comments");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<String>> comments = new ArrayList<>();
      for (TableId id : tables) {
        comments.add(pool.submit(() -> catalog().lake().latest(id.path(), catalog().metadataTtl())
            .flatMap(DeltaLake::description).orElse(null)));
      }
      List<String> result = new ArrayList<>();
      for (Future<String> comment : comments) {
        result.add(commentOrNull(comment));
      }
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String commentOrNull(Future<String> comment) {
    try {
      return comment.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  private Object[] columnRow(TableId id, StructField field, int ordinal) {
    DataType type = field.getDataType();
    JdbcType jdbc = JdbcType.of(type);
    String comment = field.getMetadata().contains("comment")
        ? String.valueOf(field.getMetadata().get("comment")) : null;
    return new Object[] {catalog().name(), id.schema(), id.name(), field.getName(), jdbc.sqlType(),
        jdbc.typeName(), jdbc.columnSize(), null, jdbc.decimalDigits(), jdbc.radix(),
        field.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, comment,
        null, null, null, jdbc.charOctetLength(), ordinal, field.isNullable() ? "YES" : "NO", null,
        null, null, null, "NO", "NO"};
  }

  private List<TableId> matchingTables(Meta.Pat schemaPattern, Meta.Pat tablePattern) {
    Pattern schemaRegex = like(schemaPattern);
    Pattern tableRegex = like(tablePattern);
    List<TableId> result = new ArrayList<>();
    for (String schema : catalog().schemaNames()) {
      if (!schemaRegex.matcher(schema).matches()) {
        continue;
      }
      for (TableId id : catalog().tables(schema)) {
        if (tableRegex.matcher(id.name()).matches()) {
          result.add(id);
        }
      }
    }
    return result;
  }

  private boolean catalogMatches(String catalogName) {
    return catalogName == null || catalogName.equalsIgnoreCase(catalog().name());
  }

  private LakehouseCatalog catalog() {
    return session.catalog();
  }

  /** A JDBC search pattern as a case-insensitive regex (identifiers are case-insensitive). */
  static Pattern like(Meta.Pat pattern) {
    if (pattern == null || pattern.s == null) {
      return Pattern.compile(".*", Pattern.DOTALL);
    }
    StringBuilder regex = new StringBuilder();
    String s = pattern.s;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        regex.append(Pattern.quote(String.valueOf(s.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  private static ColumnMetaData string(String name, int index) {
    return MetaImpl.columnMetaData(name, index, String.class, true);
  }

  private Meta.MetaResultSet resultSet(List<ColumnMetaData> columns, List<Object[]> rows) {
    try {
      AvaticaStatement statement = (AvaticaStatement) connection.createStatement();
      List<Object> frameRows = new ArrayList<>(rows);
      CalcitePrepare.CalciteSignature<Object> signature =
          new CalcitePrepare.CalciteSignature<Object>("", List.of(), Map.of(), null, columns,
              Meta.CursorFactory.ARRAY, null, List.of(), -1, null, Meta.StatementType.SELECT) {
            @Override
            public Enumerable<Object> enumerable(DataContext dataContext) {
              return Linq4j.asEnumerable(frameRows);
            }
          };
      return Meta.MetaResultSet.create(connection.id, statement.getId(), true, signature,
          new Meta.Frame(0, true, frameRows));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JDBC description of a Delta type. */
  record JdbcType(int sqlType, String typeName, Integer columnSize, Integer decimalDigits,
      Integer radix, Integer charOctetLength) {
    static JdbcType of(DataType type) {
      if (type instanceof BooleanType) {
        return new JdbcType(Types.BOOLEAN, "BOOLEAN", 1, null, null, null);
      } else if (type instanceof ByteType) {
        return new JdbcType(Types.TINYINT, "TINYINT", 3, 0, 10, null);
      } else if (type instanceof ShortType) {
        return new JdbcType(Types.SMALLINT, "SMALLINT", 5, 0, 10, null);
      } else if (type instanceof IntegerType) {
        return new JdbcType(Types.INTEGER, "INTEGER", 10, 0, 10, null);
      } else if (type instanceof LongType) {
        return new JdbcType(Types.BIGINT, "BIGINT", 19, 0, 10, null);
      } else if (type instanceof FloatType) {
        return new JdbcType(Types.REAL, "REAL", 7, null, 10, null);
      } else if (type instanceof DoubleType) {
        return new JdbcType(Types.DOUBLE, "DOUBLE", 15, null, 10, null);
      } else if (type instanceof DecimalType) {
        DecimalType decimal = (DecimalType) type;
        return new JdbcType(Types.DECIMAL, "DECIMAL", decimal.getPrecision(), decimal.getScale(), 10,
            null);
      } else if (type instanceof StringType) {
        return new JdbcType(Types.VARCHAR, "VARCHAR", Integer.MAX_VALUE, null, null, Integer.MAX_VALUE);
      } else if (type instanceof BinaryType) {
        return new JdbcType(Types.VARBINARY, "VARBINARY", Integer.MAX_VALUE, null, null,
            Integer.MAX_VALUE);
      } else if (type instanceof DateType) {
        return new JdbcType(Types.DATE, "DATE", 10, null, null, null);
      } else if (type instanceof TimestampType) {
        return new JdbcType(Types.TIMESTAMP, "TIMESTAMP", 26, 6, null, null);
      } else if (type instanceof TimestampNTZType) {
        return new JdbcType(Types.TIMESTAMP, "TIMESTAMP_NTZ", 26, 6, null, null);
      } else if (type instanceof ArrayType) {
        return new JdbcType(Types.ARRAY, "ARRAY", null, null, null, null);
      } else if (type instanceof MapType) {
        return new JdbcType(Types.JAVA_OBJECT, "MAP", null, null, null, null);
      } else if (type instanceof StructType) {
        return new JdbcType(Types.STRUCT, "STRUCT", null, null, null, null);
      }
      return new JdbcType(Types.OTHER, type.toString(), null, null, null, null);
    }
  }
}
