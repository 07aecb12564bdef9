/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.sqllogictest.BackendCondition.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLogicTestParserTest {
  private static final Path PATH = Path.of("dir", "sample.test");

  private static List<SqlLogicTestRecord> parse(String content) {
    SqlLogicTestFile file = SqlLogicTestParser.parse(PATH, content);
    assertEquals(PATH, file.path());
    return file.records();
  }

  private static <T> T only(String content, Class<T> type) {
    List<SqlLogicTestRecord> records = parse(content);
    assertEquals(1, records.size(), records::toString);
    return assertInstanceOf(type, records.get(0));
  }

  @Test
  void statementOkWithMultiLineSql() {
    StatementRecord record =
        only(
            """
            statement ok
            CREATE TABLE t (
              id INT,
              name STRING)
            """,
            StatementRecord.class);
    assertEquals(1, record.line());
    assertEquals("CREATE TABLE t (\n  id INT,\n  name STRING)", record.sql());
    assertEquals(List.of(), record.conditions());
  }

  @Test
  void statementErrorWithoutDetails() {
    StatementErrorRecord record = only("statement error\nINSERT INTO nope VALUES (1)\n", StatementErrorRecord.class);
    assertEquals("INSERT INTO nope VALUES (1)", record.sql());
    assertEquals(Optional.empty(), record.sqlState());
    assertEquals(Optional.empty(), record.messageFragment());
  }

  @Test
  void statementErrorWithSqlStateAndClass() {
    List<SqlLogicTestRecord> records =
        parse("statement error 42S02\nSELECT * FROM nope\n\nstatement error 22\nSELECT 1/0\n");
    assertEquals(Optional.of("42S02"), ((StatementErrorRecord) records.get(0)).sqlState());
    assertEquals(Optional.of("22"), ((StatementErrorRecord) records.get(1)).sqlState());
    assertEquals(4, records.get(1).line());
  }

  @Test
  void statementErrorWithMessage() {
    StatementErrorRecord record =
        only(
            "statement error\nSELECT * FROM nope\n----\nObject 'NOPE' not found  \n", StatementErrorRecord.class);
    assertEquals("SELECT * FROM nope", record.sql());
    assertEquals(Optional.of("Object 'NOPE' not found"), record.messageFragment());
  }

  @Test
  void statementCount() {
    StatementCountRecord record = only("statement count 3\nDELETE FROM t\n", StatementCountRecord.class);
    assertEquals(3, record.count());
    assertEquals("DELETE FROM t", record.sql());
  }

  @Test
  void queryWithTypesSortModeLabelAndResults() {
    QueryRecord record =
        only(
            """
            query ITRBD rowsort label-x
            SELECT id, name, x, b, d
            FROM t
            ----
            1\talice\t1.500\ttrue\t2024-01-02
            2\tNULL\t(empty)\tfalse\tNULL
            """,
            QueryRecord.class);
    assertEquals(
        List.of(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.REAL, ColumnType.BOOLEAN, ColumnType.DATETIME),
        record.types());
    assertEquals(SortMode.ROWSORT, record.sortMode());
    assertEquals(Optional.of("label-x"), record.label());
    assertEquals("SELECT id, name, x, b, d\nFROM t", record.sql());
    assertEquals(
        List.of("1\talice\t1.500\ttrue\t2024-01-02", "2\tNULL\t(empty)\tfalse\tNULL"), record.expectedLines());
  }

  @Test
  void queryDefaultsToNosortWithoutLabel() {
    QueryRecord record = only("query I\nSELECT 1\n----\n1\n", QueryRecord.class);
    assertEquals(SortMode.NOSORT, record.sortMode());
    assertEquals(Optional.empty(), record.label());
    assertEquals(List.of(ColumnType.INTEGER), record.types());
  }

  @Test
  void querySortModes() {
    assertEquals(SortMode.VALUESORT, only("query II valuesort\nSELECT 1, 2\n", QueryRecord.class).sortMode());
    assertEquals(SortMode.NOSORT, only("query II nosort l\nSELECT 1, 2\n", QueryRecord.class).sortMode());
  }

  @Test
  void queryWithoutResults() {
    assertEquals(List.of(), only("query I\nSELECT 1 WHERE false\n----\n", QueryRecord.class).expectedLines());
    assertEquals(List.of(), only("query I\nSELECT 1 WHERE false\n", QueryRecord.class).expectedLines());
  }

  @Test
  void commentsAndBlankLinesBetweenAndInsideRecords() {
    List<SqlLogicTestRecord> records =
        parse(
            """
            # leading comment

              # indented comment


            statement ok
            # a commented-out line of SQL
            CREATE TABLE t (id INT)

            # between records
            query T
            SELECT '#x'
            ----
            #x
            """);
    assertEquals(2, records.size());
    assertEquals(6, records.get(0).line());
    assertEquals("CREATE TABLE t (id INT)", ((StatementRecord) records.get(0)).sql());
    assertEquals(11, records.get(1).line());
    // In results a leading '#' is data.
    assertEquals(List.of("#x"), ((QueryRecord) records.get(1)).expectedLines());
  }

  @Test
  void skipifAndOnlyifAttachToTheNextRecordOnly() {
    List<SqlLogicTestRecord> records =
        parse(
            """
            skipif azurite
            # a comment among conditions
            onlyif local
            statement ok
            SELECT 1

            statement ok
            SELECT 2
            """);
    assertEquals(
        List.of(new BackendCondition(Kind.SKIP_IF, "azurite"), new BackendCondition(Kind.ONLY_IF, "local")),
        records.get(0).conditions());
    assertEquals(4, records.get(0).line());
    assertTrue(records.get(0).appliesTo("local"));
    assertTrue(!records.get(0).appliesTo("azurite"));
    assertTrue(!records.get(0).appliesTo("other"));
    assertEquals(List.of(), records.get(1).conditions());
  }

  @Test
  void haltAndHashThreshold() {
    List<SqlLogicTestRecord> records =
        parse("hash-threshold 8\n\nstatement ok\nSELECT 1\n\nonlyif local\nhalt\n\nstatement ok\nSELECT 2\n");
    assertEquals(3, records.size());
    HaltRecord halt = assertInstanceOf(HaltRecord.class, records.get(1));
    assertEquals(7, halt.line());
    assertEquals(List.of(new BackendCondition(Kind.ONLY_IF, "local")), halt.conditions());
  }

  @Test
  void placeholdersAreKeptForTheRunner() {
    QueryRecord record = only("query T\nSELECT name FROM ${LAKEHOUSE}.dbo.t\n----\n${LAKEHOUSE}\n", QueryRecord.class);
    assertEquals("SELECT name FROM ${LAKEHOUSE}.dbo.t", record.sql());
    assertEquals(List.of("${LAKEHOUSE}"), record.expectedLines());
  }

  @Test
  void crlfLineEndingsTrailingWhitespaceAndByteOrderMark() {
    String content =
        "\uFEFFstatement ok  \r\nCREATE TABLE t (id INT)   \r\n\r\n"
            + "query IT rowsort \t\r\nSELECT id, name\r\nFROM t\r\n----  \r\n1\talice \r\n2\tbob\r\n";
    List<SqlLogicTestRecord> records = parse(content);
    assertEquals("CREATE TABLE t (id INT)", ((StatementRecord) records.get(0)).sql());
    QueryRecord query = (QueryRecord) records.get(1);
    assertEquals(4, query.line());
    assertEquals(SortMode.ROWSORT, query.sortMode());
    assertEquals("SELECT id, name\nFROM t", query.sql());
    assertEquals(List.of("1\talice", "2\tbob"), query.expectedLines());
    // Old Mac line endings too.
    assertEquals("SELECT 1", ((StatementRecord) parse("statement ok\rSELECT 1\r").get(0)).sql());
  }

  @Test
  void blankLineWithOnlyWhitespaceEndsARecord() {
    List<SqlLogicTestRecord> records = parse("statement ok\nSELECT 1\n  \t\nstatement ok\nSELECT 2");
    assertEquals(2, records.size());
    assertEquals("SELECT 2", ((StatementRecord) records.get(1)).sql());
  }

  @Test
  void emptyFile() {
    assertEquals(List.of(), parse(""));
    assertEquals(List.of(), parse("# only a comment\n\n"));
  }

  @Test
  void readsFilesAsUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("utf8.test");
    Files.writeString(file, "query T\nSELECT 'grüße'\n----\ngrüße\n", StandardCharsets.UTF_8);
    SqlLogicTestFile parsed = SqlLogicTestParser.parse(file);
    assertEquals(file, parsed.path());
    assertEquals(List.of("grüße"), ((QueryRecord) parsed.records().get(0)).expectedLines());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "statment ok\nSELECT 1\n|1|unknown record type",
        "statement maybe\nSELECT 1\n|1|unknown statement kind",
        "statement\nSELECT 1\n|1|statement ok",
        "statement ok extra\nSELECT 1\n|1|statement ok",
        "statement ok\nSELECT 1\n----\n1\n|1|takes no ----",
        "statement count x\nDELETE FROM t\n|1|needs a number",
        "statement count -1\nDELETE FROM t\n|1|must not be negative",
        "statement error 42S0\nSELECT 1\n|1|not an SQLState",
        "statement error 42s02\nSELECT 1\n|1|not an SQLState",
        "statement error\nSELECT 1\n----\none\ntwo\n|1|exactly one message line",
        "statement error\nSELECT 1\n----\n|1|exactly one message line",
        "\n\nquery IX\nSELECT 1\n|3|unknown column type 'X'",
        "query\nSELECT 1\n|1|query <types>",
        "query I rowsrot\nSELECT 1\n|1|unknown sort mode 'rowsrot'",
        "query I rowsort a b\nSELECT 1\n|1|query <types>",
        "statement ok\n\n|1|has no SQL",
        "query I\n----\n1\n|1|has no SQL",
        "skipif local\n\nstatement ok\nSELECT 1\n|1|directly followed",
        "statement ok\nSELECT 1\n\nonlyif local\n|4|end of the file",
        "skipif\nstatement ok\nSELECT 1\n|1|skipif <backend>",
        "halt now\n|1|halt",
        "loop i 1 10\n|1|unknown record type 'loop'",
      })
  void malformedInputIsReportedWithFileAndLine(String testCase) {
    String[] parts = testCase.split("\\|");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SqlLogicTestParser.parse(PATH, parts[0]));
    assertTrue(e.getMessage().startsWith(PATH + ":" + parts[1] + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(parts[2]), e.getMessage());
  }
}
