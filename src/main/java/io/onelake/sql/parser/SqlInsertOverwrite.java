/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code INSERT OVERWRITE [TABLE] t [(columns)] query}: replaces all rows of the table atomically. */
public final class SqlInsertOverwrite extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("INSERT OVERWRITE", SqlKind.OTHER);

  private final SqlIdentifier table;
  private final SqlNodeList columns;
  private final SqlNode source;

  public SqlInsertOverwrite(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns, SqlNode source) {
    super(pos);
    this.table = requireNonNull(table, "table");
    this.columns = columns;
    this.source = requireNonNull(source, "source");
  }

  /** The statement as the INSERT whose rows replace the table's. */
  public SqlInsert asInsert() {
    return new SqlInsert(getParserPosition(), SqlNodeList.EMPTY, table, source, columns);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, columns, source);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT OVERWRITE TABLE");
    table.unparse(writer, 0, 0);
    if (columns != null) {
      columns.unparse(writer, 0, 0);
    }
    writer.newlineAndIndent();
    source.unparse(writer, 0, 0);
  }
}
