<#--
  Grammar of onelake-jdbc on top of Calcite's: Delta DDL, session commands and Delta time travel.
  The node classes live in io.onelake.sql.parser; executors decide what the statements do.
-->

/**
 * CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name
 *   [ ( column type [NOT NULL] [COMMENT 'text'], ... ) ]
 *   [ USING DELTA ] [ PARTITIONED BY ( column, ... ) ] [ COMMENT 'text' ]
 *   [ TBLPROPERTIES ( 'key' = 'value', ... ) ] [ AS query ]
 */
SqlCreate SqlCreateDeltaTable(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlNodeList columns = null;
    SqlNodeList partitionColumns = SqlNodeList.EMPTY;
    SqlNode comment = null;
    SqlNodeList properties = SqlNodeList.EMPTY;
    SqlNode query = null;
}
{
    <TABLE>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    [ columns = DeltaColumnList() ]
    [ <USING> <IDENTIFIER> ]
    (
        <PARTITIONED> <BY> partitionColumns = ParenthesizedSimpleIdentifierList()
    |
        <COMMENT> comment = StringLiteral()
    |
        <TBLPROPERTIES> properties = DeltaPropertyList()
    )*
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return new SqlCreateDeltaTable(s.end(this), replace, ifNotExists, name, columns,
            partitionColumns, comment, properties, query);
    }
}

SqlNodeList DeltaColumnList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode column;
}
{
    <LPAREN> { s = span(); }
    column = DeltaColumn() { list.add(column); }
    ( <COMMA> column = DeltaColumn() { list.add(column); } )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

SqlNode DeltaColumn() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlNode comment = null;
    final Span s;
}
{
    name = SimpleIdentifier() { s = span(); }
    type = DataType()
    (
        <NOT> <NULL> { nullable = false; }
    |
        <NULL> { nullable = true; }
    |
        <COMMENT> comment = StringLiteral()
    )*
    {
        return new SqlCreateDeltaTable.Column(s.end(this), name, type.withNullable(nullable), comment);
    }
}

SqlNodeList DeltaPropertyList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode key;
    SqlNode value;
}
{
    <LPAREN> { s = span(); }
    key = StringLiteral() <EQ> value = DeltaPropertyValue() { list.add(key); list.add(value); }
    (
        <COMMA> key = StringLiteral() <EQ> value = DeltaPropertyValue() { list.add(key); list.add(value); }
    )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** A property value: a string, a number or TRUE/FALSE, as Spark accepts them. */
SqlNode DeltaPropertyValue() :
{
    final SqlNode value;
}
{
    (
        value = StringLiteral()
    |
        value = NumericLiteral()
    |
        <TRUE> { value = SqlLiteral.createCharString("true", getPos()); }
    |
        <FALSE> { value = SqlLiteral.createCharString("false", getPos()); }
    )
    { return value; }
}

/** SHOW SETTINGS: the session settings and their values. */
SqlNode SqlShowSettings() :
{
    final Span s;
}
{
    <SHOW> { s = span(); } <SETTINGS>
    {
        return new SqlShowSettings(s.end(this));
    }
}

/** DESCRIBE HISTORY name [LIMIT n]: the table's commits, newest first. */
SqlNode SqlDescribeHistory() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNode limit = null;
}
{
    <DESCRIBE> { s = span(); } <HISTORY>
    table = CompoundIdentifier()
    [ <LIMIT> limit = UnsignedNumericLiteral() ]
    {
        return HistoryCalls.describeHistory(s.end(this), table, limit);
    }
}

/**
 * Delta time travel after a table name, including the table alias that may follow it:
 *   [FOR] VERSION AS OF n | [FOR] TIMESTAMP AS OF 'text' | FOR SYSTEM_TIME AS OF literal
 * It becomes TABLE(DELTA_AT_VERSION('name', n)) AS alias (or DELTA_AT_TIMESTAMP), so that the validator
 * sees the historical schema. FOR SYSTEM_TIME AS OF a non-literal expression stays Calcite's snapshot.
 */
SqlNode DeltaTimeTravel(SqlNode tableRef) :
{
    final Span s;
    SqlNode point;
    boolean byVersion = false;
    boolean systemTime = false;
    SqlIdentifier alias = null;
    SqlNodeList columnAliases = null;
}
{
    { s = span(); }
    (
        LOOKAHEAD(2) [ <FOR> ] <VERSION> <AS> <OF> point = UnsignedNumericLiteral() { byVersion = true; }
    |
        LOOKAHEAD(2) [ <FOR> ] <TIMESTAMP> <AS> <OF> point = StringLiteral()
    |
        <FOR> <SYSTEM_TIME> <AS> <OF> point = Expression(ExprContext.ACCEPT_NON_QUERY) { systemTime = true; }
    )
    {
        if (systemTime && !TimeTravelCalls.isTimestampConstant(point)) {
            return new SqlSnapshot(s.end(this), tableRef, point);
        }
    }
    [
        [ <AS> ] alias = SimpleIdentifier()
        [ columnAliases = ParenthesizedSimpleIdentifierList() ]
    ]
    {
        return TimeTravelCalls.timeTravel(s.end(this), (SqlIdentifier) tableRef, point, byVersion,
            alias, columnAliases);
    }
}

/** CREATE SCHEMA | DATABASE [IF NOT EXISTS] name */
SqlCreate SqlCreateDeltaSchema(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
}
{
    ( <SCHEMA> | <DATABASE> )
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    {
        return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, name);
    }
}

/** DROP TABLE [IF EXISTS] name */
SqlDrop SqlDropDeltaTable(Span s, boolean replace) :
{
    boolean ifExists = false;
    final SqlIdentifier name;
}
{
    <TABLE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier()
    {
        return SqlDdlNodes.dropTable(s.end(this), ifExists, name);
    }
}

/** DROP SCHEMA | DATABASE [IF EXISTS] name [RESTRICT | CASCADE] */
SqlDrop SqlDropDeltaSchema(Span s, boolean replace) :
{
    boolean ifExists = false;
    boolean cascade = false;
    final SqlIdentifier name;
}
{
    ( <SCHEMA> | <DATABASE> )
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> { cascade = false; } ]
    {
        return new SqlDropDeltaSchema(s.end(this), ifExists, name, cascade);
    }
}

/** TRUNCATE TABLE name */
SqlTruncate SqlTruncateDeltaTable(Span s) :
{
    final SqlIdentifier name;
}
{
    <TABLE> name = CompoundIdentifier()
    {
        return SqlDdlNodes.truncateTable(s.end(this), name, true);
    }
}

/** INSERT OVERWRITE [TABLE] name [(columns)] query */
SqlNode SqlInsertOverwrite() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); } <OVERWRITE> [ <TABLE> ]
    table = CompoundIdentifier()
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlInsertOverwrite(s.end(this), table, columns, source);
    }
}

/**
 * SET name = value | RESET name | RESET ALL, as Calcite's, except that setting values may be bare
 * words that SQL reserves (SPEC §5: SET onelake_schema_mode = merge).
 */
SqlSetOption SqlDeltaSetOption(Span s, String scope) :
{
    SqlIdentifier name;
    final SqlNode val;
}
{
    (
        <SET> { s.add(this); }
        name = CompoundIdentifier()
        <EQ>
        (
            val = Literal()
        |
            val = SimpleIdentifier()
        |
            ( <ON> | <MERGE> | <DEFAULT_> | <ALL> | <NULL> ) {
                val = new SqlIdentifier(token.image.toLowerCase(Locale.ROOT), getPos());
            }
        )
        {
            return new SqlSetOption(s.end(val), scope, (SqlNode) name, val);
        }
    |
        <RESET> { s.add(this); }
        (
            name = CompoundIdentifier()
        |
            <ALL> { name = new SqlIdentifier(token.image.toUpperCase(Locale.ROOT), getPos()); }
        )
        {
            return new SqlSetOption(s.end(name), scope, (SqlNode) name, null);
        }
    )
}

/**
 * Delta / Spark SQL MERGE with any number of ordered WHEN clauses (see SqlDeltaMerge):
 *   MERGE INTO target [[AS] alias] USING source [[AS] alias [(column, ...)]] ON condition
 *   ( WHEN [NOT] MATCHED [BY TARGET | BY SOURCE] [AND condition] THEN action )+
 * The source is a table name (optionally time-travelled), TABLE(function(...)) or a parenthesized query.
 * Listed before Calcite's SqlMerge(), which it replaces: that one knows one UPDATE and one INSERT only.
 */
SqlNode SqlDeltaMerge() :
{
    final Span s;
    final SqlIdentifier target;
    SqlIdentifier targetAlias = null;
    SqlNode source;
    SqlIdentifier sourceAlias = null;
    SqlNodeList sourceColumnAliases = null;
    final SqlNode condition;
    final List<SqlDeltaMerge.Clause> clauses = new ArrayList<SqlDeltaMerge.Clause>();
    SqlDeltaMerge.Clause clause;
}
{
    <MERGE> { s = span(); } <INTO> target = CompoundTableIdentifier()
    [ [ <AS> ] targetAlias = SimpleIdentifier() ]
    <USING>
    (
        <LPAREN> source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) <RPAREN>
    |
        source = TableFunctionCall()
    |
        source = CompoundTableIdentifier()
        [
            LOOKAHEAD(3) source = DeltaTimeTravel(source)
            {
                // Time travel takes the alias with it (defaulting to the table name, as in FROM);
                // the statement keeps the alias apart from the source.
                if (source.getKind() == SqlKind.AS) {
                    final List<SqlNode> operands = ((SqlCall) source).getOperandList();
                    source = operands.get(0);
                    sourceAlias = (SqlIdentifier) operands.get(1);
                    if (operands.size() > 2) {
                        sourceColumnAliases = new SqlNodeList(operands.subList(2, operands.size()),
                            operands.get(2).getParserPosition());
                    }
                }
            }
        ]
    )
    [
        // Not after time travel that took an alias already: a second alias is a syntax error.
        LOOKAHEAD(1, { sourceAlias == null })
        [ <AS> ] sourceAlias = SimpleIdentifier()
        [ sourceColumnAliases = ParenthesizedSimpleIdentifierList() ]
    ]
    <ON> condition = Expression(ExprContext.ACCEPT_SUB_QUERY)
    // At least one clause: with "*", a condition that ends early would surface as a missing clause
    // instead of the token that ended it.
    ( clause = DeltaMergeClause(clauses) { clauses.add(clause); } )+
    {
        return new SqlDeltaMerge(s.end(this), target, targetAlias, source, sourceAlias,
            sourceColumnAliases, condition, clauses);
    }
}

/**
 * WHEN MATCHED | NOT MATCHED [BY TARGET] | NOT MATCHED BY SOURCE [AND condition]
 * THEN UPDATE SET column = expression, ... | UPDATE SET * | DELETE
 *    | INSERT [(column, ...)] VALUES (expression, ...) | INSERT *
 * Every action is accepted after every WHEN so that a misplaced one gets SqlDeltaMerge's explanation
 * instead of a list of expected tokens; previous are the clauses before this one, for the order rule.
 */
SqlDeltaMerge.Clause DeltaMergeClause(List<SqlDeltaMerge.Clause> previous) :
{
    final Span s;
    SqlDeltaMerge.Match match = SqlDeltaMerge.Match.MATCHED;
    SqlNode condition = null;
    final SqlDeltaMerge.Action action;
    SqlNodeList columns = null;
    SqlNodeList values = null;
    final Span listSpan;
    final List<SqlNode> columnList = new ArrayList<SqlNode>();
    final List<SqlNode> valueList = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <WHEN> { s = span(); }
    (
        <MATCHED>
    |
        <NOT> <MATCHED> { match = SqlDeltaMerge.Match.NOT_MATCHED_BY_TARGET; }
        [
            <BY>
            (
                <TARGET>
            |
                <SOURCE> { match = SqlDeltaMerge.Match.NOT_MATCHED_BY_SOURCE; }
            )
        ]
    )
    [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    <THEN>
    (
        <UPDATE> <SET>
        (
            <STAR> { action = SqlDeltaMerge.Action.UPDATE_STAR; }
        |
            { listSpan = span(); }
            id = CompoundIdentifier() { columnList.add(id); }
            <EQ> AddExpression(valueList, ExprContext.ACCEPT_SUB_QUERY)
            (
                <COMMA> id = CompoundIdentifier() { columnList.add(id); }
                <EQ> AddExpression(valueList, ExprContext.ACCEPT_SUB_QUERY)
            )*
            {
                action = SqlDeltaMerge.Action.UPDATE;
                columns = new SqlNodeList(columnList, listSpan.addAll(columnList).pos());
                values = new SqlNodeList(valueList, Span.of(valueList).pos());
            }
        )
    |
        <DELETE> { action = SqlDeltaMerge.Action.DELETE; }
    |
        <INSERT>
        (
            <STAR> { action = SqlDeltaMerge.Action.INSERT_STAR; }
        |
            [
                <LPAREN> { listSpan = span(); }
                id = CompoundIdentifier() { columnList.add(id); }
                ( <COMMA> id = CompoundIdentifier() { columnList.add(id); } )*
                <RPAREN> { columns = new SqlNodeList(columnList, listSpan.end(this)); }
            ]
            <VALUES> <LPAREN>
            AddExpression(valueList, ExprContext.ACCEPT_SUB_QUERY)
            ( <COMMA> AddExpression(valueList, ExprContext.ACCEPT_SUB_QUERY) )*
            <RPAREN>
            {
                action = SqlDeltaMerge.Action.INSERT;
                values = new SqlNodeList(valueList, Span.of(valueList).pos());
            }
        )
    )
    {
        return SqlDeltaMerge.clause(s.end(this), previous, match, condition, action, columns, values);
    }
}
