/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.StructType;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.TableId;
import io.onelake.exec.InsertExecutor;
import io.onelake.exec.InsertSpec;
import io.onelake.exec.QueryRows;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.TableCopy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.Context;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Prepares INSERT statements — {@code INSERT INTO}, {@code INSERT OVERWRITE} and
 * {@code INSERT INTO … REPLACE WHERE} — as a query that yields the rows in the table's column order,
 * cast to the column types, for {@link InsertExecutor}. Under {@code onelake_schema_mode} the table's
 * schema first grows by the source's new columns ({@code merge}) or becomes the source's
 * ({@code overwrite} with an overwrite), see {@link SchemaEvolution}.
 */
final class InsertStatements {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final Context context;
  private final Session session;
  private final Function<SqlNode, PreparedQuery> preparer;
  private final DmlStatements dml;

  InsertStatements(Context context, Session session, Function<SqlNode, PreparedQuery> preparer,
      DmlStatements dml) {
    this.context = requireNonNull(context, "context");
    this.session = requireNonNull(session, "session");
    this.preparer = requireNonNull(preparer, "preparer");
    this.dml = requireNonNull(dml, "dml");
  }

  /** INSERT [OVERWRITE]; with {@code replaceWhere}, INSERT INTO t REPLACE WHERE p SELECT .... */
  CalcitePrepare.CalciteSignature<Object> insert(String sql, SqlInsert insert, boolean overwrite,
      SqlNode replaceWhere) {
    if (!(insert.getTargetTable() instanceof SqlIdentifier)) {
      throw new OneLakeException(OneLakeException.SYNTAX, "INSERT needs a table name as its target");
    }
    List<String> names = ((SqlIdentifier) insert.getTargetTable()).names;
    TableId id = OneLakePrepare.resolveTable(session, names);
    DeltaTable target = DeltaTable.latest(session.catalog(), id);
    SqlNode source = insert.getSource();
    String schemaMode = session.settings().get(SessionSetting.SCHEMA_MODE);
    boolean replacesSchema = schemaMode.equals("overwrite")
        && (overwrite || session.settings().get(SessionSetting.INSERT_MODE).equals("overwrite"));
    StructType current = target.snapshot().getSchema();
    // The source query is planned once, whether schema evolution or the rows query asks first.
    Map<SqlNode, PreparedQuery> planned = new IdentityHashMap<>();
    Function<SqlNode, PreparedQuery> prepareOnce = node -> planned.computeIfAbsent(node, preparer);
    Function<SqlNode, RelDataType> sourceRowType = node -> rowType(prepareOnce.apply(node));
    StructType schema = replacesSchema
        ? SchemaEvolution.replaced(target, insert.getTargetColumnList(), source, sourceRowType)
        : schemaMode.equals("merge")
            ? SchemaEvolution.merged(target, insert.getTargetColumnList(), source, sourceRowType)
            : current;
    boolean changesSchema = !schema.equals(current);
    if (changesSchema && replaceWhere != null) {
      throw OneLakeException.unsupported("INSERT … REPLACE WHERE that changes the table's schema "
          + "(onelake_schema_mode = " + schemaMode + ")");
    }
    // An overwrite that replaces the schema is decided when preparing: the plan depends on it.
    boolean overwrites = overwrite || replacesSchema;
    RelDataType tableType = DeltaTypes.toRelType(context.getTypeFactory(), schema);
    List<RelDataTypeField> tableFields = tableType.getFieldList();
    int[] sourcePositions = targetPositions(insert.getTargetColumnList(), tableFields);
    int sourceWidth = insert.getTargetColumnList() == null ? tableFields.size()
        : insert.getTargetColumnList().size();

    // TRY_CAST instead of CAST: values that do not convert become NULL (onelake_safe_cast).
    boolean safe = session.settings().flag(SessionSetting.SAFE_CAST);
    SqlNode rowsQuery;
    CommandSignature.BatchCommand batch = null;
    List<List<SqlNode>> valueCells = null;
    Optional<TableCopy> copy = Optional.empty();
    if (source.getKind() == SqlKind.VALUES) {
      valueCells = new ArrayList<>();
      batch = safe || changesSchema ? null
          : bulkBatch(session, source, target, tableType, sourcePositions, overwrites);
      List<SqlNode> rows = new ArrayList<>();
      for (SqlNode row : ((SqlCall) source).getOperandList()) {
        List<SqlNode> values = ((SqlCall) row).getOperandList();
        if (values.size() != sourceWidth) {
          throw new OneLakeException(OneLakeException.SYNTAX, "INSERT into "
              + id.displayName() + " has " + sourceWidth + " target columns but a row of "
              + values.size() + " values");
        }
        List<SqlNode> cast = new ArrayList<>();
        List<SqlNode> cells = new ArrayList<>();
        for (int i = 0; i < tableFields.size(); i++) {
          SqlNode value = sourcePositions[i] >= 0 ? values.get(sourcePositions[i])
              : SqlLiteral.createNull(POS);
          cells.add(value);
          cast.add(OneLakePrepare.castTo(value, tableFields.get(i).getType(), safe));
        }
        valueCells.add(cells);
        rows.add(SqlStdOperatorTable.ROW.createCall(POS, cast));
      }
      rowsQuery = SqlStdOperatorTable.VALUES.createCall(POS, rows);
    } else {
      PreparedQuery probe = prepareOnce.apply(source);
      int width = probe.signature().rowType == null ? 0 : probe.signature().rowType.getFieldCount();
      if (width != sourceWidth) {
        throw new OneLakeException(OneLakeException.SYNTAX, "INSERT into " + id.displayName()
            + " has " + sourceWidth + " target columns but the query yields " + width
            + (width > sourceWidth && schemaMode.isEmpty()
                ? " (onelake_schema_mode = merge adds the query's extra columns to the table)" : ""));
      }
      if (replaceWhere == null && !changesSchema) {
        copy = TableCopies.find(session, source, probe.signature().rowType, sourcePositions, target,
            context.getTypeFactory());
      }
      List<SqlNode> aliases = new ArrayList<>();
      aliases.add(source);
      aliases.add(new SqlIdentifier("q", POS));
      for (int i = 0; i < width; i++) {
        aliases.add(new SqlIdentifier("c" + i, POS));
      }
      SqlNode from = SqlStdOperatorTable.AS.createCall(POS, aliases);
      List<SqlNode> select = new ArrayList<>();
      List<RelDataTypeField> sourceFields = probe.signature().rowType.getFieldList();
      for (int i = 0; i < tableFields.size(); i++) {
        RelDataType targetType = tableFields.get(i).getType();
        SqlNode value;
        if (sourcePositions[i] < 0) {
          value = OneLakePrepare.castTo(SqlLiteral.createNull(POS), targetType, false);
        } else {
          value = new SqlIdentifier(List.of("q", "c" + sourcePositions[i]), POS);
          RelDataType sourceType = sourceFields.get(sourcePositions[i]).getType();
          // A cast to the type the value already has costs per row (decimals are rescaled).
          if (!SqlTypeUtil.equalSansNullability(context.getTypeFactory(), sourceType, targetType)) {
            value = OneLakePrepare.castTo(value, targetType, safe);
          }
        }
        select.add(SqlStdOperatorTable.AS.createCall(POS, value, new SqlIdentifier("c" + i, POS)));
      }
      rowsQuery = new SqlSelect(POS, null, new SqlNodeList(select, POS), from, null, null, null,
          null, null, null, null, null, null);
    }
    if (replaceWhere != null) {
      return dml.replaceWhere(sql, target, tableFields, rowsQuery, replaceWhere, safe);
    }
    PreparedQuery prepared = preparer.apply(rowsQuery);
    QueryRows rows = valueCells == null ? prepared.rows()
        : TimestampLiterals.restore(prepared.rows(), valueCells, timestampColumns(tableFields));
    InsertExecutor executor = new InsertExecutor(session);
    InsertSpec spec = new InsertSpec(target, rows, overwrites, safe,
        source.getKind() == SqlKind.VALUES && !containsQuery(source),
        changesSchema ? Optional.of(schema) : Optional.empty(), copy);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(prepared)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext), batch);
  }

  /**
   * The bulk path of {@code INSERT INTO t VALUES (?, ?, ...)} batches ({@link InsertBatch}). Only for a
   * single row of plain parameters into primitive columns; anything else runs row by row.
   */
  private static CommandSignature.BatchCommand bulkBatch(Session session, SqlNode values,
      DeltaTable target, RelDataType tableType, int[] sourcePositions, boolean overwrite) {
    List<SqlNode> rows = ((SqlCall) values).getOperandList();
    if (overwrite || rows.size() != 1) {
      return null;
    }
    List<SqlNode> expressions = ((SqlCall) rows.get(0)).getOperandList();
    List<RelDataTypeField> fields = tableType.getFieldList();
    int[] parameterOf = new int[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      SqlTypeName typeName = fields.get(i).getType().getSqlTypeName();
      if (typeName == SqlTypeName.ARRAY || typeName == SqlTypeName.MAP || typeName == SqlTypeName.ROW) {
        return null;
      }
      if (sourcePositions[i] < 0) {
        parameterOf[i] = -1;
        continue;
      }
      SqlNode expression = expressions.get(sourcePositions[i]);
      if (!(expression instanceof SqlDynamicParam)) {
        return null;
      }
      parameterOf[i] = ((SqlDynamicParam) expression).getIndex();
    }
    return new InsertBatch(session, target,
        new ParameterRows(tableType, parameterOf, session.timeZone()));
  }

  /** Whether the expressions of a VALUES list hold a subquery (then the INSERT reads tables). */
  private static boolean containsQuery(SqlNode values) {
    boolean[] found = {false};
    org.apache.calcite.sql.util.SqlShuttle finder = new org.apache.calcite.sql.util.SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getKind().belongsTo(SqlKind.QUERY)) {
          found[0] = true;
          return call;
        }
        return super.visit(call);
      }
    };
    for (SqlNode row : ((SqlCall) values).getOperandList()) {
      for (SqlNode value : ((SqlCall) row).getOperandList()) {
        if (value != null) {
          value.accept(finder);
        }
      }
    }
    return found[0];
  }

  private static boolean[] timestampColumns(List<RelDataTypeField> fields) {
    boolean[] timestamps = new boolean[fields.size()];
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = fields.get(i).getType().getSqlTypeName() == SqlTypeName.TIMESTAMP;
    }
    return timestamps;
  }

  private static int[] targetPositions(SqlNodeList columnList, List<RelDataTypeField> tableFields) {
    int[] positions = new int[tableFields.size()];
    if (columnList == null) {
      for (int i = 0; i < positions.length; i++) {
        positions[i] = i;
      }
      return positions;
    }
    java.util.Arrays.fill(positions, -1);
    for (int p = 0; p < columnList.size(); p++) {
      String name = ((SqlIdentifier) columnList.get(p)).getSimple();
      int index = -1;
      for (int i = 0; i < tableFields.size(); i++) {
        if (tableFields.get(i).getName().equalsIgnoreCase(name)) {
          index = i;
        }
      }
      if (index < 0) {
        throw new OneLakeException(OneLakeException.COLUMN_NOT_FOUND,
            "Column " + name + " is not a column of the target table");
      }
      if (positions[index] >= 0) {
        throw new OneLakeException(OneLakeException.SYNTAX,
            "Column " + name + " is listed twice in the INSERT column list");
      }
      positions[index] = p;
    }
    return positions;
  }


  /** The row type of the INSERT's source (its VALUES or query), for the columns it adds. */
  private static RelDataType rowType(PreparedQuery source) {
    RelDataType type = source.signature().rowType;
    if (type == null) {
      throw new OneLakeException(OneLakeException.SYNTAX, "The INSERT's source yields no rows");
    }
    return type;
  }
}
