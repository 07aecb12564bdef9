/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.sql.OneLakeParserFactory;
import io.onelake.sql.parser.SqlDeltaMerge.Action;
import io.onelake.sql.parser.SqlDeltaMerge.Clause;
import io.onelake.sql.parser.SqlDeltaMerge.Match;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Delta MERGE grammar and {@link SqlDeltaMerge}'s rules. */
class SqlDeltaMergeTest {
  /** The lexical settings the driver uses (OneLakeDriver). */
  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(OneLakeParserFactory.INSTANCE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withCaseSensitive(false);

  /** Writes identifiers with the driver's default quote, so that the text parses again. */
  private static final SqlDialect DIALECT =
      new CalciteSqlDialect(CalciteSqlDialect.DEFAULT_CONTEXT.withIdentifierQuoteString("\""));

  private static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmt();
  }

  private static SqlDeltaMerge merge(String sql) throws SqlParseException {
    SqlNode node = parse(sql);
    SqlDeltaMerge merge = assertInstanceOf(SqlDeltaMerge.class, node);
    assertEquals(SqlKind.MERGE, merge.getKind());
    // Every accepted statement writes back as text that parses to the same statement.
    SqlNode again = parse(merge.toSqlString(DIALECT).getSql());
    assertEquals(merge.toString(), again.toString());
    assertTrue(merge.equalsDeep(again, org.apache.calcite.util.Litmus.THROW));
    return merge;
  }

  private static String error(String sql) {
    return assertThrows(SqlParseException.class, () -> parse(sql)).getMessage();
  }

  private static List<String> strings(SqlNodeList list) {
    return list.stream().map(SqlNode::toString).collect(Collectors.toList());
  }

  @Test
  void allClauseFormsInStatementOrder() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO sales.orders AS t USING updates AS s ON t.id = s.id\n"
        + "WHEN MATCHED AND s.op = 'D' THEN DELETE\n"
        + "WHEN MATCHED AND s.op = 'U' THEN UPDATE SET t.qty = s.qty, price = s.price * 2\n"
        + "WHEN MATCHED THEN UPDATE SET *\n"
        + "WHEN NOT MATCHED AND s.op = 'I' THEN INSERT (id, qty) VALUES (s.id, s.qty)\n"
        + "WHEN NOT MATCHED BY TARGET AND s.op = 'J' THEN INSERT VALUES (s.id, 0, NULL)\n"
        + "WHEN NOT MATCHED BY TARGET THEN INSERT *\n"
        + "WHEN NOT MATCHED BY SOURCE AND t.qty = 0 THEN DELETE\n"
        + "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET qty = 0");
    assertEquals(List.of("sales", "orders"), merge.target().names);
    assertEquals("t", merge.targetAlias().getSimple());
    assertEquals("updates", ((SqlIdentifier) merge.source()).getSimple());
    assertEquals("s", merge.sourceAlias().getSimple());
    assertNull(merge.sourceColumnAliases());
    assertEquals("`t`.`id` = `s`.`id`", merge.condition().toString());

    List<Clause> clauses = merge.clauses();
    assertEquals(8, clauses.size());
    assertClause(clauses.get(0), Match.MATCHED, Action.DELETE);
    assertEquals("`s`.`op` = 'D'", clauses.get(0).condition().toString());
    assertNull(clauses.get(0).columns());
    assertNull(clauses.get(0).values());

    assertClause(clauses.get(1), Match.MATCHED, Action.UPDATE);
    assertEquals(List.of("t.qty", "price"), strings(clauses.get(1).columns()));
    assertEquals(List.of("s.qty", "`s`.`price` * 2"), strings(clauses.get(1).values()));

    assertClause(clauses.get(2), Match.MATCHED, Action.UPDATE_STAR);
    assertNull(clauses.get(2).condition());
    assertNull(clauses.get(2).columns());
    assertNull(clauses.get(2).values());

    assertClause(clauses.get(3), Match.NOT_MATCHED_BY_TARGET, Action.INSERT);
    assertEquals(List.of("id", "qty"), strings(clauses.get(3).columns()));
    assertEquals(List.of("s.id", "s.qty"), strings(clauses.get(3).values()));

    assertClause(clauses.get(4), Match.NOT_MATCHED_BY_TARGET, Action.INSERT);
    assertNull(clauses.get(4).columns());
    assertEquals(List.of("s.id", "0", "NULL"), strings(clauses.get(4).values()));

    assertClause(clauses.get(5), Match.NOT_MATCHED_BY_TARGET, Action.INSERT_STAR);
    assertNull(clauses.get(5).condition());

    assertClause(clauses.get(6), Match.NOT_MATCHED_BY_SOURCE, Action.DELETE);
    assertEquals("`t`.`qty` = 0", clauses.get(6).condition().toString());

    assertClause(clauses.get(7), Match.NOT_MATCHED_BY_SOURCE, Action.UPDATE);
    assertNull(clauses.get(7).condition());
    assertEquals(List.of("qty"), strings(clauses.get(7).columns()));
  }

  private static void assertClause(Clause clause, Match match, Action action) {
    assertEquals(match, clause.match());
    assertEquals(action, clause.action());
  }

  @Test
  void aliasesAreOptionalAndAsIsOptional() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE");
    assertNull(merge.targetAlias());
    assertNull(merge.sourceAlias());
    assertEquals("s", ((SqlIdentifier) merge.source()).getSimple());

    merge = merge("MERGE INTO db.t tgt USING db.s src ON tgt.id = src.id WHEN MATCHED THEN DELETE");
    assertEquals("tgt", merge.targetAlias().getSimple());
    assertEquals(List.of("db", "s"), ((SqlIdentifier) merge.source()).names);
    assertEquals("src", merge.sourceAlias().getSimple());
  }

  @Test
  void querySources() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING (SELECT id, v FROM s WHERE v > ?) AS u ON t.id = u.id "
        + "WHEN MATCHED THEN UPDATE SET v = u.v");
    assertInstanceOf(SqlSelect.class, merge.source());
    assertEquals("u", merge.sourceAlias().getSimple());

    merge = merge("MERGE INTO t USING (VALUES (1, 'a'), (2, 'b')) s(id, name) ON t.id = s.id "
        + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
    assertEquals(SqlKind.VALUES, merge.source().getKind());
    assertEquals("s", merge.sourceAlias().getSimple());
    assertEquals(List.of("id", "name"), strings(merge.sourceColumnAliases()));

    merge = merge("MERGE INTO t USING (WITH w AS (SELECT * FROM s) SELECT * FROM w) AS s "
        + "ON t.id = s.id WHEN MATCHED THEN DELETE");
    assertEquals(SqlKind.WITH, merge.source().getKind());

    merge = merge("MERGE INTO t USING (SELECT * FROM s ORDER BY id LIMIT 10) AS s "
        + "ON t.id = s.id WHEN MATCHED THEN DELETE");
    assertEquals(SqlKind.ORDER_BY, merge.source().getKind());

    merge = merge("MERGE INTO t USING (SELECT * FROM a UNION ALL SELECT * FROM b) ON t.id = 1 "
        + "WHEN MATCHED THEN DELETE");
    assertTrue(merge.source().isA(SqlKind.QUERY));
    assertNull(merge.sourceAlias());
  }

  @Test
  void timeTravelledSourceKeepsItsAliasApart() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s VERSION AS OF 3 AS v3 ON t.id = v3.id "
        + "WHEN MATCHED THEN DELETE");
    assertEquals(SqlKind.COLLECTION_TABLE, merge.source().getKind());
    assertEquals("v3", merge.sourceAlias().getSimple());

    // Without an alias the table's name stays usable in the conditions, as in FROM.
    merge = merge("MERGE INTO t USING s TIMESTAMP AS OF '2026-01-01' ON t.id = s.id "
        + "WHEN MATCHED THEN DELETE");
    assertEquals(SqlKind.COLLECTION_TABLE, merge.source().getKind());
    assertEquals("s", merge.sourceAlias().getSimple());

    error("MERGE INTO t USING s VERSION AS OF 3 AS a b ON t.id = a.id WHEN MATCHED THEN DELETE");
  }

  @Test
  void parametersAreDynamicParamsInStatementOrder() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s ON t.id = s.id AND s.d = ?\n"
        + "WHEN MATCHED AND s.v > ? THEN UPDATE SET v = ?, w = s.w + ?\n"
        + "WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, ?)");
    Clause update = merge.clauses().get(0);
    assertEquals(1, ((SqlDynamicParam) ((SqlCall) update.condition()).operand(1)).getIndex());
    assertEquals(2, ((SqlDynamicParam) update.values().get(0)).getIndex());
    assertEquals(3, ((SqlDynamicParam) ((SqlCall) update.values().get(1)).operand(1)).getIndex());
    assertEquals(4, ((SqlDynamicParam) merge.clauses().get(1).values().get(1)).getIndex());
  }

  @Test
  void subQueriesInConditionsAndValues() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s ON t.id = s.id\n"
        + "WHEN MATCHED AND s.id IN (SELECT id FROM blocked) THEN DELETE\n"
        + "WHEN MATCHED THEN UPDATE SET v = (SELECT MAX(v) FROM h WHERE h.id = s.id)");
    assertEquals(2, merge.clauses().size());
  }

  @Test
  void keywordsOfTheStatementRemainIdentifiers() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO target USING source ON target.id = source.id\n"
        + "WHEN MATCHED AND source.matched THEN UPDATE SET target = source.target, source = source.source\n"
        + "WHEN NOT MATCHED BY TARGET THEN INSERT (target, source, matched) VALUES (1, 2, TRUE)\n"
        + "WHEN NOT MATCHED BY SOURCE THEN DELETE");
    assertEquals("target", merge.target().getSimple());
    assertEquals("source", ((SqlIdentifier) merge.source()).getSimple());
    assertEquals(List.of("target", "source"), strings(merge.clauses().get(0).columns()));

    merge = merge("MERGE INTO t AS target USING s AS source ON target.id = source.id "
        + "WHEN MATCHED THEN DELETE");
    assertEquals("target", merge.targetAlias().getSimple());
    assertEquals("source", merge.sourceAlias().getSimple());

    // TARGET is a new keyword: it must not take the word away from other statements.
    assertEquals(SqlKind.SELECT, parse("SELECT target, source, matched FROM target AS source").getKind());
    assertEquals(SqlKind.CREATE_TABLE, parse("CREATE TABLE target (source INT, target STRING)").getKind());
    assertEquals(SqlKind.UPDATE, parse("UPDATE target SET target = 1 WHERE source = 2").getKind());
  }

  @Test
  void quotedIdentifiersKeepTheirSpelling() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO \"My Table\" AS \"T\" USING s ON \"T\".\"Id\" = s.id "
        + "WHEN MATCHED THEN UPDATE SET \"T\".\"Value\" = 1");
    assertEquals("My Table", merge.target().getSimple());
    assertEquals(List.of("T", "Value"), ((SqlIdentifier) merge.clauses().get(0).columns().get(0)).names);
  }

  @Test
  void keywordsAreCaseInsensitive() throws Exception {
    SqlDeltaMerge merge = merge("merge into t using s on t.id = s.id "
        + "when not matched by source and t.v = 1 then delete when matched then update set *");
    assertClause(merge.clauses().get(0), Match.NOT_MATCHED_BY_SOURCE, Action.DELETE);
    assertClause(merge.clauses().get(1), Match.MATCHED, Action.UPDATE_STAR);
  }

  @Test
  void unparsesAsDeltaSql() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t a USING (SELECT * FROM s) b(x, y) ON a.id = b.x\n"
        + "WHEN MATCHED AND b.y IS NULL THEN DELETE\n"
        + "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET a.v = 0\n"
        + "WHEN NOT MATCHED THEN INSERT (id, v) VALUES (b.x, b.y)");
    String sql = merge.toString().replaceAll("\\s+", " ");
    assertEquals("MERGE INTO `t` AS `a` USING (SELECT * FROM `s`) AS `b` (`x`, `y`) ON `a`.`id` = `b`.`x` "
        + "WHEN MATCHED AND `b`.`y` IS NULL THEN DELETE "
        + "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET `a`.`v` = 0 "
        + "WHEN NOT MATCHED THEN INSERT (`id`, `v`) VALUES (`b`.`x`, `b`.`y`)", sql);
  }

  @Test
  void shuttlesAndCloneKeepTheNode() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s ON t.id = s.id "
        + "WHEN MATCHED AND s.v = 1 THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT *");
    SqlNode renamed = merge.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        return id.names.size() == 2 && id.names.get(0).equals("s") ? id.setName(0, "src") : id;
      }
    });
    SqlDeltaMerge copy = assertInstanceOf(SqlDeltaMerge.class, renamed);
    assertEquals("`src`.`v` = 1", copy.clauses().get(0).condition().toString());
    assertEquals(Action.INSERT_STAR, copy.clauses().get(1).action());
    SqlDeltaMerge clone = assertInstanceOf(SqlDeltaMerge.class, merge.clone(merge.getParserPosition()));
    assertEquals(merge.toString(), clone.toString());
  }

  @Test
  void nodeListsAndClausesAreImmutableValues() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE");
    assertThrows(UnsupportedOperationException.class, () -> merge.clauses().clear());
    assertThrows(IllegalArgumentException.class,
        () -> new Clause(Match.MATCHED, null, Action.INSERT_STAR, null, null));
  }

  // --- Rules: each is a syntax error with an explanation. ---

  @Test
  void atLeastOneWhenClause() {
    String message = error("MERGE INTO t USING s ON t.id = s.id");
    assertTrue(message.contains("Encountered \"<EOF>\" at line 1, column 35"), message);
    assertTrue(message.contains("\"WHEN\""), message);
    // A condition that ends early is reported where it ends, not as a missing clause.
    message = error("MERGE INTO t USING s ON t.id = s.id AND s.day = 1 WHEN MATCHED THEN DELETE");
    assertTrue(message.contains("Encountered \". day\""), message);
    // Built without the parser, the node checks the rule itself.
    SqlIdentifier t = new SqlIdentifier("t", SqlParserPos.ZERO);
    CalciteContextException e = assertThrows(CalciteContextException.class,
        () -> new SqlDeltaMerge(SqlParserPos.ZERO, t, null, t, null, null, t, List.of()));
    assertTrue(e.getMessage().contains("at least one WHEN clause"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WHEN MATCHED THEN INSERT *",
      "WHEN MATCHED THEN INSERT VALUES (1)",
      "WHEN NOT MATCHED BY SOURCE THEN INSERT *",
      "WHEN NOT MATCHED BY SOURCE THEN INSERT (id) VALUES (1)"})
  void insertOnlyWhenNotMatchedByTarget(String clause) {
    String message = error("MERGE INTO t USING s ON t.id = s.id " + clause);
    assertTrue(message.contains("INSERT is only allowed in WHEN NOT MATCHED"), message);
    assertTrue(message.contains("line 1, column 37"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WHEN NOT MATCHED THEN DELETE",
      "WHEN NOT MATCHED BY TARGET THEN UPDATE SET v = 1",
      "WHEN NOT MATCHED THEN UPDATE SET *"})
  void notMatchedByTargetCanOnlyInsert(String clause) {
    String message = error("MERGE INTO t USING s ON t.id = s.id " + clause);
    assertTrue(message.contains("can only INSERT"), message);
  }

  @Test
  void noStarActionsBySource() {
    String message = error("MERGE INTO t USING s ON t.id = s.id "
        + "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET *");
    assertTrue(message.contains("UPDATE SET * is not allowed in WHEN NOT MATCHED BY SOURCE"), message);
  }

  @Test
  void insertColumnsAndValuesMustMatchInLength() {
    String message = error("MERGE INTO t USING s ON t.id = s.id "
        + "WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v, 3)");
    assertTrue(message.contains("names 2 column(s) but VALUES has 3 expression(s)"), message);
    message = error("MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id)");
    assertTrue(message.contains("names 2 column(s) but VALUES has 1 expression(s)"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WHEN MATCHED THEN UPDATE SET v = 1, v = 2",
      "WHEN MATCHED THEN UPDATE SET v = 1, t.v = 2",
      "WHEN MATCHED THEN UPDATE SET V = 1, \"v\" = 2",
      "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET db.t.v = 1, v = 2"})
  void setListNamesEachColumnOnce(String clause) {
    String message = error("MERGE INTO db.t USING s ON t.id = s.id " + clause);
    assertTrue(message.contains("UPDATE SET names column"), message);
    assertTrue(message.contains("more than once"), message);
  }

  @Test
  void setTargetQualifiedByTheAliasIsTheSameColumn() throws Exception {
    String message = error("MERGE INTO t AS x USING s ON x.id = s.id "
        + "WHEN MATCHED THEN UPDATE SET x.v = 1, v = 2");
    assertTrue(message.contains("more than once"), message);
    // Nested fields of different structs are different columns.
    merge("MERGE INTO t AS x USING s ON x.id = s.id WHEN MATCHED THEN UPDATE SET x.a.c = 1, x.b.c = 2");
  }

  @Test
  void insertColumnListNamesEachColumnOnce() {
    String message = error("MERGE INTO t USING s ON t.id = s.id "
        + "WHEN NOT MATCHED THEN INSERT (id, id) VALUES (1, 2)");
    assertTrue(message.contains("the INSERT column list names column"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WHEN MATCHED THEN DELETE WHEN MATCHED AND s.v = 1 THEN UPDATE SET v = 1",
      "WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT * WHEN MATCHED THEN UPDATE SET *",
      "WHEN NOT MATCHED THEN INSERT * WHEN NOT MATCHED BY TARGET AND s.v = 1 THEN INSERT *",
      "WHEN NOT MATCHED BY SOURCE THEN DELETE WHEN NOT MATCHED BY SOURCE THEN UPDATE SET v = 1"})
  void onlyTheLastClauseOfAKindMayOmitItsCondition(String clauses) {
    String message = error("MERGE INTO t USING s ON t.id = s.id " + clauses);
    assertTrue(message.contains("may omit its AND condition"), message);
    assertTrue(message.contains("could never apply"), message);
  }

  @Test
  void theUnreachableClauseIsReportedWhereItIs() {
    String message = error("MERGE INTO t USING s ON t.id = s.id\n"
        + "WHEN MATCHED THEN DELETE\n"
        + "WHEN MATCHED AND s.v = 1 THEN UPDATE SET v = 1");
    assertTrue(message.contains("at line 3, column 1"), message);
    // Built without the parser, the node checks the order itself.
    SqlIdentifier t = new SqlIdentifier("t", SqlParserPos.ZERO);
    Clause delete = new Clause(Match.NOT_MATCHED_BY_SOURCE, null, Action.DELETE, null, null);
    CalciteContextException e = assertThrows(CalciteContextException.class,
        () -> new SqlDeltaMerge(SqlParserPos.ZERO, t, null, t, null, null, t, List.of(delete, delete)));
    assertTrue(e.getMessage().contains("(clause 2)"), e.getMessage());
  }

  @Test
  void unconditionalClausesOfDifferentKindsMayMix() throws Exception {
    SqlDeltaMerge merge = merge("MERGE INTO t USING s ON t.id = s.id "
        + "WHEN NOT MATCHED BY SOURCE THEN DELETE WHEN MATCHED AND s.v = 1 THEN DELETE "
        + "WHEN NOT MATCHED THEN INSERT * WHEN MATCHED THEN UPDATE SET *");
    assertEquals(4, merge.clauses().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.* = 1",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN INSERT VALUES ()",
      "MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id)",
      "MERGE INTO t USING (1) AS s ON t.id = s.id WHEN MATCHED THEN DELETE",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND THEN DELETE",
      "MERGE INTO t USING s WHEN MATCHED THEN DELETE",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED BY SOURCE THEN DELETE",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE extra"})
  void malformedStatementsAreSyntaxErrors(String sql) {
    assertNotNull(error(sql));
  }

  @Test
  void otherStatementsStillParse() throws Exception {
    assertEquals(SqlKind.INSERT, parse("INSERT INTO t (a) VALUES (1)").getKind());
    assertEquals(SqlKind.DELETE, parse("DELETE FROM t WHERE a = 1").getKind());
    assertEquals(SqlKind.SELECT, parse("SELECT * FROM t VERSION AS OF 2 AS x").getKind());
    assertInstanceOf(SqlSelect.class, parse("SELECT merge_id FROM t"));
  }
}
