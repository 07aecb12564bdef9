/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.DmlTargetMacro;
import io.onelake.catalog.TableId;
import io.onelake.catalog.TableNames;
import io.onelake.exec.DeleteExecutor;
import io.onelake.exec.DeleteSpec;
import io.onelake.exec.MergeExecutor;
import io.onelake.exec.MergeSpec;
import io.onelake.exec.ReplaceWhereExecutor;
import io.onelake.exec.ReplaceWhereSpec;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.UpdateExecutor;
import io.onelake.exec.UpdateSpec;
import io.onelake.sql.parser.SqlDeltaMerge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.Context;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Util;

/**
 * Turns DELETE, UPDATE, MERGE and INSERT ... REPLACE WHERE into the queries their executors run
 * (Delta's two phases, see the notes on DML planning): which data files hold rows in scope, and the
 * new content of those files. The queries
 * read the target through {@link DmlTargetMacro}, which adds each row's data file and position; the
 * user's expressions are embedded as they were parsed, so their {@code ?} keep their indexes.
 */
final class DmlStatements {
  private static final SqlParserPos POS = SqlParserPos.ZERO;
  /** A column the MERGE source gets, TRUE on every source row (source columns may be NULL). */
  private static final String SOURCE_MARKER = "__onelake_source_row";

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
    PreparedQuery survivors = preparer.apply(select(columns, target.from(), keep));
    DeleteSpec spec = new DeleteSpec(target.table(), deleted.rows(), survivors.rows(),
        predicateText(condition));
    DeleteExecutor executor = new DeleteExecutor(session);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(deleted, survivors)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext));
  }

  /**
   * INSERT INTO t REPLACE WHERE p SELECT ...: the rows matching {@code p} are replaced by the new rows,
   * each of which must match {@code p}. {@code rowsQuery} yields the new rows in table column order,
   * cast to the column types.
   */
  CalcitePrepare.CalciteSignature<Object> replaceWhere(String sql, DeltaTable table,
      List<RelDataTypeField> fields, SqlNode rowsQuery, SqlNode predicate, boolean safeCast) {
    Target target = new Target(table, fields, table.id().name());
    PreparedQuery replaced = preparer.apply(countPerFile(target, predicate));
    List<SqlNode> columns = new ArrayList<>();
    for (RelDataTypeField field : fields) {
      columns.add(target.column(field.getName()));
    }
    SqlNode keep = SqlStdOperatorTable.NOT.createCall(POS,
        SqlStdOperatorTable.IS_TRUE.createCall(POS, predicate));
    PreparedQuery survivors = preparer.apply(select(columns, target.from(), keep));
    // The new rows, named as the table's columns, and whether each matches the predicate.
    List<SqlNode> aliased = new ArrayList<>();
    aliased.add(rowsQuery);
    aliased.add(new SqlIdentifier(target.alias(), POS));
    for (RelDataTypeField field : fields) {
      aliased.add(new SqlIdentifier(field.getName(), POS));
    }
    List<SqlNode> checked = new ArrayList<>(columns);
    checked.add(SqlStdOperatorTable.IS_TRUE.createCall(POS, predicate));
    PreparedQuery rows = preparer.apply(select(checked,
        SqlStdOperatorTable.AS.createCall(POS, aliased), null));
    ReplaceWhereSpec spec = new ReplaceWhereSpec(table, replaced.rows(), survivors.rows(),
        rows.rows(), safeCast, predicateText(predicate));
    ReplaceWhereExecutor executor = new ReplaceWhereExecutor(session);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(replaced, survivors, rows)),
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
    PreparedQuery rewrite = preparer.apply(select(select, target.from(), null));
    PreparedQuery updated = preparer.apply(countPerFile(target, condition));
    Map<Integer, SqlNode> timestampValues = new HashMap<>();
    for (int i = 0; i < setColumns.length; i++) {
      if (isTimestamp(fields.get(setColumns[i]))) {
        timestampValues.put(i, setValues.get(i));
      }
    }
    UpdateSpec spec = new UpdateSpec(target.table(), updated.rows(),
        TimestampLiterals.restoreConstants(rewrite.rows(), select.size(), timestampValues), setColumns,
        safe, predicateText(condition));
    UpdateExecutor executor = new UpdateExecutor(session);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(rewrite, updated)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext));
  }

  CalcitePrepare.CalciteSignature<Object> merge(String sql, SqlDeltaMerge merge) {
    Target target = target(merge.target(), merge.targetAlias());
    boolean safe = session.settings().flag(SessionSetting.SAFE_CAST);
    List<RelDataTypeField> fields = target.fields();
    String sourceAlias = merge.sourceAlias() != null ? merge.sourceAlias().getSimple()
        : merge.source() instanceof SqlIdentifier
            ? Util.last(((SqlIdentifier) merge.source()).names) : "source";
    if (sourceAlias.equalsIgnoreCase(target.alias())) {
      throw new OneLakeException(OneLakeException.SYNTAX, "MERGE: target and source both have the "
          + "alias " + sourceAlias + "; give one of them another alias");
    }
    List<RelDataTypeField> sourceFields =
        hasStar(merge) ? sourceFields(merge, sourceAlias) : List.of();
    List<String> sourceColumns = sourceFields.stream().map(RelDataTypeField::getName).toList();
    // Under onelake_schema_mode = merge, UPDATE SET * and INSERT * add the source's new columns;
    // the target's rows have NULL in them.
    List<StructField> added = new ArrayList<>();
    if (session.settings().get(SessionSetting.SCHEMA_MODE).equals("merge")) {
      for (RelDataTypeField field : sourceFields) {
        if (fields.stream().noneMatch(f -> f.getName().equalsIgnoreCase(field.getName()))) {
          added.add(SchemaEvolution.newColumn(field.getName(), field.getType()));
        }
      }
    }
    Optional<StructType> newSchema = added.isEmpty() ? Optional.empty()
        : Optional.of(SchemaEvolution.withColumns(target.table(), added));
    List<RelDataTypeField> allFields = newSchema
        .map(schema -> DeltaTypes.toRelType(context.getTypeFactory(), schema).getFieldList())
        .orElse(fields);

    boolean matchesTarget = false;
    boolean bySource = false;
    boolean inserts = false;
    for (SqlDeltaMerge.Clause clause : merge.clauses()) {
      matchesTarget |= clause.match() == SqlDeltaMerge.Match.MATCHED;
      bySource |= clause.match() == SqlDeltaMerge.Match.NOT_MATCHED_BY_SOURCE;
      inserts |= clause.match() == SqlDeltaMerge.Match.NOT_MATCHED_BY_TARGET;
    }
    boolean insertOnly = !matchesTarget && !bySource;

    // The action of each joined row: the index of the first clause that applies.
    SqlNode targetPresent = SqlStdOperatorTable.IS_NOT_NULL.createCall(POS,
        target.column(DeltaTable.FILE_COLUMN));
    SqlNode sourcePresent = SqlStdOperatorTable.IS_NOT_NULL.createCall(POS,
        new SqlIdentifier(List.of(sourceAlias, SOURCE_MARKER), POS));
    SqlNode action = SqlStdOperatorTable.CASE.createCall(null, POS, null,
        new SqlNodeList(List.of(
            SqlStdOperatorTable.AND.createCall(POS, targetPresent, sourcePresent), sourcePresent),
            POS),
        new SqlNodeList(List.of(
            firstClause(merge, SqlDeltaMerge.Match.MATCHED, MergeSpec.KEEP),
            firstClause(merge, SqlDeltaMerge.Match.NOT_MATCHED_BY_TARGET, MergeSpec.SKIP)), POS),
        firstClause(merge, SqlDeltaMerge.Match.NOT_MATCHED_BY_SOURCE, MergeSpec.KEEP));

    List<SqlNode> select = new ArrayList<>();
    select.add(target.column(DeltaTable.FILE_COLUMN));
    select.add(target.column(DeltaTable.ROW_INDEX_COLUMN));
    for (RelDataTypeField field : fields) {
      select.add(target.column(field.getName()));
    }
    for (RelDataTypeField field : allFields.subList(fields.size(), allFields.size())) {
      select.add(OneLakePrepare.castTo(SqlLiteral.createNull(POS), field.getType(), false));
    }
    List<MergeSpec.Clause> clauses = new ArrayList<>();
    Map<Integer, SqlNode> timestampValues = new HashMap<>();
    for (SqlDeltaMerge.Clause clause : merge.clauses()) {
      List<Integer> columns = new ArrayList<>();
      List<SqlNode> values = new ArrayList<>();
      MergeSpec.Kind kind;
      switch (clause.action()) {
        case DELETE:
          kind = MergeSpec.Kind.DELETE;
          break;
        case UPDATE:
        case INSERT:
          kind = clause.action() == SqlDeltaMerge.Action.UPDATE ? MergeSpec.Kind.UPDATE
              : MergeSpec.Kind.INSERT;
          if (clause.columns() == null) {
            if (clause.values().size() != fields.size()) {
              throw new OneLakeException(OneLakeException.SYNTAX, "MERGE: INSERT VALUES has "
                  + clause.values().size() + " values for the " + fields.size() + " columns of "
                  + target.table().id().displayName());
            }
            for (int i = 0; i < fields.size(); i++) {
              columns.add(i);
              values.add(clause.values().get(i));
            }
          } else {
            for (int i = 0; i < clause.columns().size(); i++) {
              columns.add(target.ordinal((SqlIdentifier) clause.columns().get(i)));
              values.add(clause.values().get(i));
            }
          }
          break;
        case UPDATE_STAR:
        case INSERT_STAR:
          kind = clause.action() == SqlDeltaMerge.Action.UPDATE_STAR ? MergeSpec.Kind.UPDATE
              : MergeSpec.Kind.INSERT;
          for (int i = 0; i < allFields.size(); i++) {
            columns.add(i);
            values.add(new SqlIdentifier(List.of(sourceAlias,
                sourceColumn(sourceColumns, allFields.get(i).getName(), target)), POS));
          }
          break;
        default:
          throw new IllegalStateException("unknown MERGE action " + clause.action());
      }
      int[] ordinals = columns.stream().mapToInt(Integer::intValue).toArray();
      clauses.add(new MergeSpec.Clause(kind, ordinals, select.size()));
      for (int i = 0; i < ordinals.length; i++) {
        if (isTimestamp(allFields.get(ordinals[i]))) {
          timestampValues.put(select.size(), values.get(i));
        }
        select.add(OneLakePrepare.castTo(values.get(i), allFields.get(ordinals[i]).getType(), safe));
      }
    }
    // Last: Calcite's code generator fails on a TRY_CAST after a CASE in one select list.
    select.add(action);
    // Rewritten files keep their unmatched rows (the target side is preserved); an insert-only
    // MERGE only needs the source rows without a match.
    JoinType joinType = insertOnly ? JoinType.RIGHT : inserts ? JoinType.FULL : JoinType.LEFT;
    PreparedQuery changes = preparer.apply(DmlStatements.select(select,
        join(target, merge, sourceAlias, joinType), null));

    // The files to rewrite: a row matches a source row, or a BY SOURCE clause may change it.
    SqlNode touchedWhere = null;
    if (bySource) {
      List<SqlNode> bySourceConditions = new ArrayList<>();
      for (SqlDeltaMerge.Clause clause : merge.clauses()) {
        if (clause.match() == SqlDeltaMerge.Match.NOT_MATCHED_BY_SOURCE) {
          bySourceConditions.add(clause.condition() == null ? SqlLiteral.createBoolean(true, POS)
              : clause.condition());
        }
      }
      touchedWhere = SqlStdOperatorTable.OR.createCall(POS, sourcePresent,
          or(bySourceConditions));
    }
    SqlNode touchedQuery = new SqlSelect(POS, null,
        new SqlNodeList(List.of(target.column(DeltaTable.FILE_COLUMN)), POS),
        join(target, merge, sourceAlias, bySource ? JoinType.LEFT : JoinType.INNER), touchedWhere,
        null, null, null, null, null, null, null, null);
    PreparedQuery touched = preparer.apply(touchedQuery);

    MergeSpec spec = new MergeSpec(target.table(), touched.rows(),
        TimestampLiterals.restoreConstants(changes.rows(), select.size(), timestampValues), clauses,
        insertOnly, safe, predicateText(merge.condition()), newSchema);
    MergeExecutor executor = new MergeExecutor(session);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(changes, touched)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext));
  }

  private static boolean isTimestamp(RelDataTypeField field) {
    return field.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
  }

  /** CASE WHEN c1 THEN i1 WHEN c2 THEN i2 ... ELSE otherwise END over the clauses of one kind. */
  private static SqlNode firstClause(SqlDeltaMerge merge, SqlDeltaMerge.Match match, int otherwise) {
    List<SqlNode> whens = new ArrayList<>();
    List<SqlNode> thens = new ArrayList<>();
    List<SqlDeltaMerge.Clause> clauses = merge.clauses();
    for (int i = 0; i < clauses.size(); i++) {
      if (clauses.get(i).match() == match) {
        whens.add(clauses.get(i).condition() == null ? SqlLiteral.createBoolean(true, POS)
            : clauses.get(i).condition());
        thens.add(SqlLiteral.createExactNumeric(Integer.toString(i), POS));
      }
    }
    SqlNode elseValue = otherwise < 0
        ? SqlStdOperatorTable.UNARY_MINUS.createCall(POS,
            SqlLiteral.createExactNumeric(Integer.toString(-otherwise), POS))
        : SqlLiteral.createExactNumeric(Integer.toString(otherwise), POS);
    if (whens.isEmpty()) {
      return elseValue;
    }
    return SqlStdOperatorTable.CASE.createCall(null, POS, null, new SqlNodeList(whens, POS),
        new SqlNodeList(thens, POS), elseValue);
  }

  private static SqlNode or(List<SqlNode> conditions) {
    SqlNode result = conditions.get(0);
    for (int i = 1; i < conditions.size(); i++) {
      result = SqlStdOperatorTable.OR.createCall(POS, result, conditions.get(i));
    }
    return result;
  }

  /** {@code target <join> (SELECT s.*, TRUE AS marker FROM source AS s) AS s ON condition}. */
  private static SqlNode join(Target target, SqlDeltaMerge merge, String sourceAlias, JoinType type) {
    return new SqlJoin(POS, target.from(), SqlLiteral.createBoolean(false, POS), type.symbol(POS),
        markedSource(merge, sourceAlias), JoinConditionType.ON.symbol(POS), merge.condition());
  }

  private static SqlNode markedSource(SqlDeltaMerge merge, String sourceAlias) {
    SqlNodeList list = new SqlNodeList(List.of(
        new SqlIdentifier(List.of(sourceAlias, ""), POS),
        SqlStdOperatorTable.AS.createCall(POS, SqlLiteral.createBoolean(true, POS),
            new SqlIdentifier(SOURCE_MARKER, POS))), POS);
    SqlSelect marked = new SqlSelect(POS, null, list, aliasedSource(merge, sourceAlias), null, null,
        null, null, null, null, null, null, null);
    return SqlStdOperatorTable.AS.createCall(POS, marked, new SqlIdentifier(sourceAlias, POS));
  }

  private static SqlNode aliasedSource(SqlDeltaMerge merge, String sourceAlias) {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(merge.source());
    operands.add(new SqlIdentifier(sourceAlias, POS));
    if (merge.sourceColumnAliases() != null) {
      operands.addAll(merge.sourceColumnAliases().getList());
    }
    return SqlStdOperatorTable.AS.createCall(POS, operands);
  }

  private static boolean hasStar(SqlDeltaMerge merge) {
    return merge.clauses().stream().anyMatch(c -> c.action() == SqlDeltaMerge.Action.UPDATE_STAR
        || c.action() == SqlDeltaMerge.Action.INSERT_STAR);
  }

  /** The columns of the source, for UPDATE SET * and INSERT *. */
  private List<RelDataTypeField> sourceFields(SqlDeltaMerge merge, String sourceAlias) {
    SqlSelect all = new SqlSelect(POS, null, new SqlNodeList(List.of(SqlIdentifier.STAR), POS),
        aliasedSource(merge, sourceAlias), null, null, null, null, null, null, null, null, null);
    return preparer.apply(all).rows().rowType().getFieldList();
  }

  private static String sourceColumn(List<String> sourceColumns, String name, Target target) {
    for (String column : sourceColumns) {
      if (column.equalsIgnoreCase(name)) {
        return column;
      }
    }
    throw new OneLakeException(OneLakeException.COLUMN_NOT_FOUND, "MERGE: UPDATE SET * and "
        + "INSERT * need a source column for every target column, and the source has no column "
        + name + " of " + target.table().id().displayName());
  }

  /**
   * {@code SELECT file FROM target WHERE condition}: one row per row in scope, counted per file by the
   * executor (a GROUP BY would make Calcite hold every row in memory).
   */
  SqlNode countPerFile(Target target, SqlNode condition) {
    return new SqlSelect(POS, null, new SqlNodeList(List.of(target.column(DeltaTable.FILE_COLUMN)), POS),
        target.from(), condition, null, null, null, null, null, null, null, null);
  }

  static SqlSelect select(List<SqlNode> columns, SqlNode from, SqlNode where) {
    List<SqlNode> aliased = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      aliased.add(SqlStdOperatorTable.AS.createCall(POS, columns.get(i), new SqlIdentifier("c" + i, POS)));
    }
    return new SqlSelect(POS, null, new SqlNodeList(aliased, POS), from, where, null, null,
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
