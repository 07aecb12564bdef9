/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.DmlTargetMacro;
import io.onelake.catalog.TableId;
import io.onelake.catalog.TableNames;
import io.onelake.exec.DeleteExecutor;
import io.onelake.exec.DeleteSpec;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.UpdateExecutor;
import io.onelake.exec.UpdateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.Context;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns DELETE and UPDATE into the queries their executors run (Delta's two phases, see the notes on
 * DML planning): which data files hold rows in scope, and the new content of those files. The queries
 * read the target through {@link DmlTargetMacro}, which adds each row's data file and position; the
 * user's expressions are embedded as they were parsed, so their {@code ?} keep their indexes.
 */
final class DmlStatements {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final Context context;
  private final Session session;
  private final Function<SqlNode, PreparedQuery> preparer;

  DmlStatements(Context context, Session session, Function<SqlNode, PreparedQuery> preparer) {
    this.context = requireNonNull(context, "context");
    this.session = requireNonNull(session, "session");
    this.preparer = requireNonNull(preparer, "preparer");
  }

  CalcitePrepare.CalciteSignature<Object> delete(String sql, SqlDelete delete) {
    Target target = target(delete.getTargetTable(), delete.getAlias());
    SqlNode condition = delete.getCondition();
    PreparedQuery deleted = preparer.apply(countPerFile(target, condition));
    List<SqlNode> columns = new ArrayList<>();
    for (RelDataTypeField field : target.fields()) {
      columns.add(target.column(field.getName()));
    }
    SqlNode keep = condition == null ? SqlLiteral.createBoolean(false, POS)
        : SqlStdOperatorTable.NOT.createCall(POS, SqlStdOperatorTable.IS_TRUE.createCall(POS, condition));
    PreparedQuery survivors = preparer.apply(select(columns, target, keep));
    DeleteSpec spec = new DeleteSpec(target.table(), deleted.rows(), survivors.rows(),
        predicateText(condition));
    DeleteExecutor executor = new DeleteExecutor(session);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(deleted, survivors)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext));
  }

  CalcitePrepare.CalciteSignature<Object> update(String sql, SqlUpdate update) {
    Target target = target(update.getTargetTable(), update.getAlias());
    SqlNode condition = update.getCondition();
    boolean safe = session.settings().flag(SessionSetting.SAFE_CAST);
    List<RelDataTypeField> fields = target.fields();
    SqlNodeList setTargets = update.getTargetColumnList();
    SqlNodeList setValues = update.getSourceExpressionList();
    int[] setColumns = new int[setTargets.size()];
    // The new values come first, then the condition: the order of their ? in the statement.
    List<SqlNode> select = new ArrayList<>();
    for (int i = 0; i < setTargets.size(); i++) {
      int ordinal = target.ordinal((SqlIdentifier) setTargets.get(i));
      for (int j = 0; j < i; j++) {
        if (setColumns[j] == ordinal) {
          throw new OneLakeException(OneLakeException.SYNTAX, "Column "
              + fields.get(ordinal).getName() + " is assigned twice in the UPDATE");
        }
      }
      setColumns[i] = ordinal;
      select.add(OneLakePrepare.castTo(setValues.get(i), fields.get(ordinal).getType(), safe));
    }
    select.add(condition == null ? SqlLiteral.createBoolean(true, POS)
        : SqlStdOperatorTable.IS_TRUE.createCall(POS, condition));
    for (RelDataTypeField field : fields) {
      select.add(target.column(field.getName()));
    }
    PreparedQuery rewrite = preparer.apply(select(select, target, null));
    PreparedQuery updated = preparer.apply(countPerFile(target, condition));
    UpdateSpec spec = new UpdateSpec(target.table(), updated.rows(), rewrite.rows(), setColumns, safe,
        predicateText(condition));
    UpdateExecutor executor = new UpdateExecutor(session);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(rewrite, updated)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext));
  }

  /** {@code SELECT file, COUNT(*) FROM target WHERE condition GROUP BY file}. */
  SqlNode countPerFile(Target target, SqlNode condition) {
    SqlNode file = target.column(DeltaTable.FILE_COLUMN);
    SqlNodeList selectList = new SqlNodeList(List.of(file,
        SqlStdOperatorTable.COUNT.createCall(POS, SqlIdentifier.STAR)), POS);
    return new SqlSelect(POS, null, selectList, target.from(), condition,
        new SqlNodeList(List.of(file), POS), null, null, null, null, null, null, null);
  }

  static SqlSelect select(List<SqlNode> columns, Target target, SqlNode where) {
    List<SqlNode> aliased = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      aliased.add(SqlStdOperatorTable.AS.createCall(POS, columns.get(i), new SqlIdentifier("c" + i, POS)));
    }
    return new SqlSelect(POS, null, new SqlNodeList(aliased, POS), target.from(), where, null, null,
        null, null, null, null, null, null);
  }

  private String predicateText(SqlNode condition) {
    return condition == null ? "true"
        : condition.toSqlString(OneLakePrepare.dialect(context.config())).getSql();
  }

  /** The target table and the alias its columns are referred to by. */
  Target target(SqlNode table, SqlIdentifier alias) {
    if (!(table instanceof SqlIdentifier)) {
      throw new OneLakeException(OneLakeException.SYNTAX, "The target must be a table name");
    }
    List<String> names = ((SqlIdentifier) table).names;
    TableId id = OneLakePrepare.resolveTable(session, names);
    DeltaTable deltaTable = DeltaTable.latest(session.catalog(), id);
    RelDataType rowType = DeltaTypes.toRelType(context.getTypeFactory(), deltaTable.snapshot().getSchema());
    String aliasName = alias != null ? alias.getSimple() : names.get(names.size() - 1);
    return new Target(deltaTable, rowType.getFieldList(), aliasName);
  }

  /** The target of a DML statement. */
  record Target(DeltaTable table, List<RelDataTypeField> fields, String alias) {
    /** {@code TABLE(ONELAKE_DML_TARGET('schema.table')) AS alias}. */
    SqlNode from() {
      SqlUnresolvedFunction function = new SqlUnresolvedFunction(
          new SqlIdentifier(DmlTargetMacro.NAME, POS), null, null, null, null,
          SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
      SqlNode call = function.createCall(POS, SqlLiteral.createCharString(
          TableNames.encode(List.of(table.id().schema(), table.id().name())), POS));
      return SqlStdOperatorTable.AS.createCall(POS,
          SqlStdOperatorTable.COLLECTION_TABLE.createCall(POS, call), new SqlIdentifier(alias, POS));
    }

    /** {@code alias.name}. */
    SqlIdentifier column(String name) {
      return new SqlIdentifier(List.of(alias, name), POS);
    }

    /** The table column a SET target names ({@code c} or {@code alias.c}). */
    int ordinal(SqlIdentifier column) {
      List<String> names = column.names;
      if (names.size() > 2 || names.size() == 2 && !names.get(0).equalsIgnoreCase(alias)) {
        throw new OneLakeException(OneLakeException.COLUMN_NOT_FOUND, "Column " + column
            + " is not a column of the target table " + table.id().displayName());
      }
      String name = names.get(names.size() - 1);
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).getName().equalsIgnoreCase(name)) {
          return i;
        }
      }
      throw new OneLakeException(OneLakeException.COLUMN_NOT_FOUND, "Column " + name
          + " is not a column of the target table " + table.id().displayName());
    }
  }
}
