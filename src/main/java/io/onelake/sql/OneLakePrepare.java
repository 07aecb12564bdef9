/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.LakehouseSchema;
import io.onelake.catalog.TableId;
import io.onelake.catalog.TableResolver;
import io.onelake.exec.CreateSchemaExecutor;
import io.onelake.exec.CreateTableExecutor;
import io.onelake.exec.DropSchemaExecutor;
import io.onelake.exec.DropTableExecutor;
import io.onelake.exec.TruncateTableExecutor;
import io.onelake.exec.CreateTableSpec;
import io.onelake.exec.InsertExecutor;
import io.onelake.exec.InsertSpec;
import io.onelake.exec.TableCopy;
import io.onelake.exec.QueryRows;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.SettingsExecutor;
import io.onelake.sql.parser.SqlCreateDeltaTable;
import io.onelake.sql.parser.SqlDeltaMerge;
import io.onelake.sql.parser.SqlDropDeltaSchema;
import io.onelake.sql.parser.SqlInsertOverwrite;
import io.onelake.sql.parser.SqlInsertReplaceWhere;
import io.onelake.sql.parser.SqlShowSettings;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlString;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlTruncateTable;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The statement router. Queries go to Calcite unchanged; every statement that changes data or
 * settings is turned into a command that our executors run when the statement is EXECUTED — never
 * while it is prepared. Queries a command needs (the rows of an INSERT or CREATE TABLE AS SELECT) are
 * prepared here through Calcite, so parameters and validation errors surface at prepare time.
 */
public final class OneLakePrepare extends CalcitePrepareImpl {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  @Override
  public <T> CalcitePrepare.CalciteSignature<T> prepareSql(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    CachedPlans plans = elementType == Object[].class ? CachedPlans.of(context, query.sql, maxRowCount)
        : null;
    if (plans != null) {
      CalcitePrepare.CalciteSignature<Object> cached = plans.lookup();
      if (cached != null) {
        @SuppressWarnings("unchecked")
        CalcitePrepare.CalciteSignature<T> result = (CalcitePrepare.CalciteSignature<T>) cached;
        return result;
      }
    }
    SqlNode node = parseStatement(context, query.sql);
    CalcitePrepare.CalciteSignature<Object> command = route(context, query.sql, node);
    if (command != null && !(node instanceof SqlSetOption) && !(node instanceof SqlShowSettings)) {
      Session session = session(context);
      command = CommandSignature.checkedBeforeExecution(command, session::checkWritable);
    }
    if (command == null) {
      CalcitePrepare.CalciteSignature<T> planned =
          super.prepareSql(context, query, elementType, maxRowCount);
      if (plans != null && CachedPlans.cacheable(node)) {
        @SuppressWarnings("unchecked")
        CalcitePrepare.CalciteSignature<T> cached = (CalcitePrepare.CalciteSignature<T>)
            plans.remember((CalcitePrepare.CalciteSignature<Object>) planned);
        return cached;
      }
      return planned;
    }
    @SuppressWarnings("unchecked")
    CalcitePrepare.CalciteSignature<T> result = (CalcitePrepare.CalciteSignature<T>) command;
    return result;
  }

  private CalcitePrepare.CalciteSignature<Object> route(Context context, String sql, SqlNode node) {
    if (node instanceof SqlCreateDeltaTable) {
      return createTable(context, sql, (SqlCreateDeltaTable) node);
    }
    if (node instanceof SqlInsert) {
      return insert(context, sql, (SqlInsert) node, false, null);
    }
    if (node instanceof SqlInsertReplaceWhere) {
      SqlInsertReplaceWhere replace = (SqlInsertReplaceWhere) node;
      return insert(context, sql, replace.insert(), false, replace.predicate());
    }
    if (node instanceof SqlInsertOverwrite) {
      return insert(context, sql, ((SqlInsertOverwrite) node).asInsert(), true, null);
    }
    if (node instanceof SqlDropTable) {
      SqlDropTable drop = (SqlDropTable) node;
      DropTableExecutor executor = new DropTableExecutor(session(context));
      return CommandSignature.update(sql, List.of(), context.getRootSchema(),
          dataContext -> executor.execute(drop.name.names, drop.ifExists));
    }
    if (node instanceof SqlTruncateTable) {
      Session session = session(context);
      TableId id = resolveTable(session, ((SqlTruncateTable) node).name.names);
      TruncateTableExecutor executor = new TruncateTableExecutor(session);
      return CommandSignature.update(sql, List.of(), context.getRootSchema(),
          dataContext -> executor.execute(DeltaTable.latest(session.catalog(), id)));
    }
    if (node instanceof SqlCreateSchema) {
      SqlCreateSchema create = (SqlCreateSchema) node;
      if (create.getReplace()) {
        throw OneLakeException.unsupported("CREATE OR REPLACE SCHEMA");
      }
      CreateSchemaExecutor executor = new CreateSchemaExecutor(session(context));
      return CommandSignature.update(sql, List.of(), context.getRootSchema(),
          dataContext -> executor.execute(create.name.names, create.ifNotExists));
    }
    if (node instanceof SqlDropDeltaSchema) {
      SqlDropDeltaSchema drop = (SqlDropDeltaSchema) node;
      DropSchemaExecutor executor = new DropSchemaExecutor(session(context));
      return CommandSignature.update(sql, List.of(), context.getRootSchema(),
          dataContext -> executor.execute(drop.name().names, drop.ifExists, drop.cascade()));
    }
    if (node instanceof SqlSetOption) {
      return setOption(context, sql, (SqlSetOption) node);
    }
    if (node instanceof SqlShowSettings) {
      SettingsExecutor settings = new SettingsExecutor(session(context));
      return CommandSignature.rows(sql, context.getRootSchema(), List.of("name", "value"),
          dataContext -> settings.show());
    }
    if (node instanceof SqlDelete) {
      return dml(context).delete(sql, (SqlDelete) node);
    }
    if (node instanceof SqlUpdate) {
      return dml(context).update(sql, (SqlUpdate) node);
    }
    if (node instanceof SqlDeltaMerge) {
      return dml(context).merge(sql, (SqlDeltaMerge) node);
    }
    switch (node.getKind()) {
      case MERGE:
        throw OneLakeException.unsupported(node.getKind().sql);
      default:
        if (node.getKind().belongsTo(SqlKind.DDL)) {
          throw OneLakeException.unsupported("The statement " + node.getKind().sql);
        }
        return null;
    }
  }

  private DmlStatements dml(Context context) {
    return new DmlStatements(context, session(context), query -> prepareQuery(context, query));
  }

  private CalcitePrepare.CalciteSignature<Object> createTable(Context context, String sql,
      SqlCreateDeltaTable create) {
    Session session = session(context);
    Optional<PreparedQuery> query = create.query().map(q -> prepareQuery(context, q));
    CreateTableSpec spec = new CreateTableSpec(create.name().names,
        create.columns().isEmpty() ? Optional.empty() : Optional.of(DeclaredTypes.schema(create.columns())),
        create.partitionColumns(), create.properties(), create.comment(), create.ifNotExists(),
        create.getReplace(), query.map(PreparedQuery::rows));
    CreateTableExecutor executor = new CreateTableExecutor(session);
    return CommandSignature.update(sql,
        PreparedQuery.parameters(query.map(List::of).orElse(List.of())), context.getRootSchema(),
        dataContext -> executor.execute(spec, dataContext));
  }

  /** INSERT [OVERWRITE]; with {@code replaceWhere}, INSERT INTO t REPLACE WHERE p SELECT .... */
  private CalcitePrepare.CalciteSignature<Object> insert(Context context, String sql, SqlInsert insert,
      boolean overwrite, SqlNode replaceWhere) {
    Session session = session(context);
    if (!(insert.getTargetTable() instanceof SqlIdentifier)) {
      throw new OneLakeException(OneLakeException.SYNTAX, "INSERT needs a table name as its target");
    }
    List<String> names = ((SqlIdentifier) insert.getTargetTable()).names;
    TableId id = resolveTable(session, names);
    DeltaTable target = DeltaTable.latest(session.catalog(), id);
    RelDataType tableType = DeltaTypes.toRelType(context.getTypeFactory(), target.snapshot().getSchema());
    List<RelDataTypeField> tableFields = tableType.getFieldList();
    int[] sourcePositions = targetPositions(insert.getTargetColumnList(), tableFields);
    int sourceWidth = insert.getTargetColumnList() == null ? tableFields.size()
        : insert.getTargetColumnList().size();

    // TRY_CAST instead of CAST: values that do not convert become NULL (onelake_safe_cast).
    boolean safe = session.settings().flag(SessionSetting.SAFE_CAST);
    SqlNode source = insert.getSource();
    SqlNode rowsQuery;
    CommandSignature.BatchCommand batch = null;
    List<List<SqlNode>> valueCells = null;
    Optional<TableCopy> copy = Optional.empty();
    if (source.getKind() == SqlKind.VALUES) {
      valueCells = new ArrayList<>();
      batch = safe ? null : bulkBatch(session, source, target, tableType, sourcePositions, overwrite);
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
          cast.add(castTo(value, tableFields.get(i).getType(), safe));
        }
        valueCells.add(cells);
        rows.add(SqlStdOperatorTable.ROW.createCall(POS, cast));
      }
      rowsQuery = SqlStdOperatorTable.VALUES.createCall(POS, rows);
    } else {
      PreparedQuery probe = prepareQuery(context, source);
      int width = probe.signature().rowType == null ? 0 : probe.signature().rowType.getFieldCount();
      if (width != sourceWidth) {
        if (width > sourceWidth && !session.settings().get(SessionSetting.SCHEMA_MODE).isEmpty()) {
          // Adding the source's new columns to the table is schema evolution, which needs ALTER.
          throw OneLakeException.unsupported("onelake_schema_mode = "
              + session.settings().get(SessionSetting.SCHEMA_MODE) + " (adding the query's extra "
              + "columns to " + id.displayName() + ")");
        }
        throw new OneLakeException(OneLakeException.SYNTAX, "INSERT into " + id.displayName()
            + " has " + sourceWidth + " target columns but the query yields " + width);
      }
      if (replaceWhere == null) {
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
          value = castTo(SqlLiteral.createNull(POS), targetType, false);
        } else {
          value = new SqlIdentifier(List.of("q", "c" + sourcePositions[i]), POS);
          RelDataType sourceType = sourceFields.get(sourcePositions[i]).getType();
          // A cast to the type the value already has costs per row (decimals are rescaled).
          if (!SqlTypeUtil.equalSansNullability(context.getTypeFactory(), sourceType, targetType)) {
            value = castTo(value, targetType, safe);
          }
        }
        select.add(SqlStdOperatorTable.AS.createCall(POS, value, new SqlIdentifier("c" + i, POS)));
      }
      rowsQuery = new SqlSelect(POS, null, new SqlNodeList(select, POS), from, null, null, null,
          null, null, null, null, null, null);
    }
    if (replaceWhere != null) {
      return dml(context).replaceWhere(sql, target, tableFields, rowsQuery, replaceWhere, safe);
    }
    PreparedQuery prepared = prepareQuery(context, rowsQuery);
    QueryRows rows = valueCells == null ? prepared.rows()
        : TimestampLiterals.restore(prepared.rows(), valueCells, timestampColumns(tableFields));
    InsertExecutor executor = new InsertExecutor(session);
    InsertSpec spec = new InsertSpec(target, rows, overwrite, safe,
        source.getKind() == SqlKind.VALUES && !containsQuery(source), copy);
    return CommandSignature.update(sql, PreparedQuery.parameters(List.of(prepared)),
        context.getRootSchema(), dataContext -> executor.execute(spec, dataContext), batch);
  }

  /**
   * The bulk path of {@code INSERT INTO t VALUES (?, ?, ...)} batches: the parameter sets become rows of
   * one write directly, instead of one Calcite execution per set. Only for a single row of plain
   * parameters into primitive columns; anything else runs row by row.
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
    InsertExecutor executor = new InsertExecutor(session);
    return parameterSets -> {
      QueryRows queryRows = new QueryRows() {
        @Override
        public RelDataType rowType() {
          return tableType;
        }

        @Override
        public Enumerable<Object> rows(DataContext ignored, Map<String, Object> variables) {
          return Linq4j.asEnumerable(parameterSets).select(parameters -> {
            Object[] row = new Object[fields.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = parameterOf[i] < 0 ? null : ParameterValues.convert(
                  ParameterValues.local(parameters.get(parameterOf[i])), fields.get(i).getType(),
                  session.timeZone());
            }
            return row;
          });
        }
      };
      long inserted = executor.execute(new InsertSpec(target, queryRows, false, false, true), null);
      long[] counts = new long[parameterSets.size()];
      java.util.Arrays.fill(counts, inserted == parameterSets.size() ? 1 : 0);
      return counts;
    };
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

  private CalcitePrepare.CalciteSignature<Object> setOption(Context context, String sql,
      SqlSetOption option) {
    SettingsExecutor settings = new SettingsExecutor(session(context));
    String name = option.getName().toString();
    SqlNode value = option.getValue();
    if (value == null) {
      return CommandSignature.update(sql, List.of(), context.getRootSchema(), dataContext -> {
        settings.reset(name);
        return 0;
      });
    }
    String text;
    if (value instanceof SqlIdentifier) {
      text = value.toString();
    } else if (value instanceof SqlLiteral) {
      text = ((SqlLiteral) value).toValue();
      if (text == null) {
        text = "";
      }
    } else {
      throw new OneLakeException(OneLakeException.SYNTAX,
          "SET " + name + " needs a constant value, not " + value);
    }
    String settingValue = text;
    return CommandSignature.update(sql, List.of(), context.getRootSchema(), dataContext -> {
      settings.set(name, settingValue);
      return 0;
    });
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

  /**
   * The value cast to a column type, as SQL's implicit assignment casts do. Integer columns take the
   * value as DECIMAL(38, 0) instead, and the writer narrows it with a range check: Calcite's runtime
   * narrows integers silently (300 would become 44 in a TINYINT).
   */
  static SqlNode castTo(SqlNode value, RelDataType type, boolean safe) {
    SqlOperator cast = safe ? SqlLibraryOperators.TRY_CAST : SqlStdOperatorTable.CAST;
    SqlTypeName typeName = type.getSqlTypeName();
    if (typeName == SqlTypeName.ARRAY || typeName == SqlTypeName.MAP || typeName == SqlTypeName.ROW) {
      return value;
    }
    if (SqlTypeName.INT_TYPES.contains(typeName)) {
      // A parameter is typed BIGINT, so that any integer binds and is checked here, not wrapped.
      SqlNode typed = value instanceof SqlDynamicParam
          ? SqlStdOperatorTable.CAST.createCall(POS, value, new SqlDataTypeSpec(
              new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.BIGINT, POS), POS))
          : value;
      return cast.createCall(POS, typed, new SqlDataTypeSpec(
          new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, 38, 0, POS), POS));
    }
    SqlDataTypeSpec spec = SqlTypeUtil.convertTypeToSpec(type, null, -1, -1);
    return cast.createCall(POS, value, spec);
  }

  /** Calcite's preparation, plus the casts of {@link TimestampSetOps} before the plan is optimized. */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    // As Calcite's own, which offers no hook between converting and optimizing.
    EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
        : EnumerableRel.Prefer.CUSTOM;
    Convention resultConvention = enableBindable ? BindableConvention.INSTANCE
        : EnumerableConvention.INSTANCE;
    RexBuilder rexBuilder = new RexBuilder(context.getTypeFactory());
    return new CalcitePreparingStmt(this, context, catalogReader, context.getTypeFactory(),
        context.getRootSchema(), prefer, createCluster(planner, rexBuilder), resultConvention,
        createConvertletTable()) {
      @Override
      public RelNode flattenTypes(RelNode rootRel, boolean restructure) {
        return TimestampSetOps.castInputs(super.flattenTypes(rootRel, restructure));
      }
    };
  }

  /**
   * Prepares a query through Calcite (unparsed in the connection's quoting, then planned). The query's
   * {@code ?} keep the indexes of the statement they came from, whatever their order in the query.
   */
  PreparedQuery prepareQuery(Context context, SqlNode query) {
    SqlString text = query.toSqlString(dialect(context.config()));
    List<Integer> parameterIndexes = text.getDynamicParameters() == null ? List.of()
        : List.copyOf(text.getDynamicParameters());
    CalcitePrepare.CalciteSignature<Object> signature =
        super.prepareSql(context, Query.of(text.getSql()), Object[].class, -1);
    RelDataType rowType = signature.rowType;
    QueryRows rows = new QueryRows() {
      @Override
      public RelDataType rowType() {
        return rowType;
      }

      @Override
      public Enumerable<Object> rows(DataContext dataContext, Map<String, Object> variables) {
        Map<String, Object> parameters = new java.util.HashMap<>(signature.internalParameters);
        parameters.putAll(variables);
        return signature.enumerable(
            new InternalParametersContext(dataContext, parameters, parameterIndexes));
      }
    };
    return new PreparedQuery(signature, rows, parameterIndexes);
  }

  private SqlNode parseStatement(Context context, String sql) {
    CalciteConnectionConfig config = context.config();
    SqlParser.Config parserConfig = parserConfig()
        .withQuotedCasing(config.quotedCasing())
        .withUnquotedCasing(config.unquotedCasing())
        .withQuoting(config.quoting())
        .withConformance(config.conformance())
        .withCaseSensitive(config.caseSensitive());
    SqlParserImplFactory factory = config.parserFactory(SqlParserImplFactory.class, null);
    if (factory != null) {
      parserConfig = parserConfig.withParserFactory(factory);
    }
    try {
      return createParser(sql, parserConfig).parseStmt();
    } catch (SqlParseException e) {
      throw new OneLakeException(OneLakeException.SYNTAX, "Syntax error: " + e.getMessage(), e);
    }
  }

  static SqlDialect dialect(CalciteConnectionConfig config) {
    String quote = config.quoting() == Quoting.BACK_TICK ? "`" : "\"";
    return new CalciteSqlDialect(CalciteSqlDialect.DEFAULT_CONTEXT.withIdentifierQuoteString(quote));
  }

  static TableId resolveTable(Session session, List<String> names) {
    try {
      return TableResolver.resolve(session.catalog(), names);
    } catch (TableResolver.ObjectNotFoundException e) {
      throw new OneLakeException(OneLakeException.TABLE_NOT_FOUND, e.getMessage(), e);
    }
  }

  static Session session(Context context) {
    Object schema = context.getRootSchema().schema;
    if (!(schema instanceof LakehouseSchema)) {
      throw new IllegalStateException("not a onelake connection: " + schema);
    }
    return (Session) ((LakehouseSchema) schema).session();
  }


}
