/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT INTO t [(columns)] REPLACE WHERE <predicate> <query>}: atomically replaces the rows
 * that match the predicate with the query's rows, all of which must match it (Delta's replaceWhere).
 */
public final class SqlInsertReplaceWhere extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("INSERT REPLACE WHERE", SqlKind.OTHER);

  private final SqlInsert insert;
  private final SqlNode predicate;

  private SqlInsertReplaceWhere(SqlParserPos pos, SqlInsert insert, SqlNode predicate) {
    super(pos);
    this.insert = requireNonNull(insert, "insert");
    this.predicate = requireNonNull(predicate, "predicate");
  }

  /** The plain INSERT when there is no REPLACE WHERE. */
  public static SqlNode of(SqlInsert insert, SqlNode predicate) {
    return predicate == null ? insert
        : new SqlInsertReplaceWhere(insert.getParserPosition(), insert, predicate);
  }

  public SqlInsert insert() {
    return insert;
  }

  public SqlNode predicate() {
    return predicate;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(insert, predicate);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT INTO");
    insert.getTargetTable().unparse(writer, 0, 0);
    if (insert.getTargetColumnList() != null) {
      insert.getTargetColumnList().unparse(writer, 0, 0);
    }
    writer.keyword("REPLACE WHERE");
    predicate.unparse(writer, 0, 0);
    writer.newlineAndIndent();
    insert.getSource().unparse(writer, 0, 0);
  }
}
