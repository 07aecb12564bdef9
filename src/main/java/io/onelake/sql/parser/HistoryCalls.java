/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import io.onelake.catalog.HistoryMacro;
import io.onelake.catalog.TableNames;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DESCRIBE HISTORY t [LIMIT n]} is parsed into the query
 * {@code SELECT * FROM TABLE(ONELAKE_HISTORY('t')) ORDER BY "version" DESC [FETCH NEXT n ROWS ONLY]},
 * so that it plans, describes its columns and fetches like any query (newest commit first, as Delta).
 */
public final class HistoryCalls {
  private HistoryCalls() {}

  public static SqlNode describeHistory(SqlParserPos pos, SqlIdentifier table, SqlNode limit) {
    SqlUnresolvedFunction function = new SqlUnresolvedFunction(
        new SqlIdentifier(HistoryMacro.NAME, pos), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    SqlNode call = function.createCall(pos, SqlLiteral.createCharString(TableNames.encode(table.names), pos));
    SqlNode from = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call);
    SqlSelect select = new SqlSelect(pos, null, new SqlNodeList(List.of(SqlIdentifier.star(pos)), pos),
        from, null, null, null, null, null, null, null, null, null);
    SqlNode newestFirst = SqlStdOperatorTable.DESC.createCall(pos, new SqlIdentifier("version", pos));
    return new SqlOrderBy(pos, select, new SqlNodeList(List.of(newestFirst), pos), null, limit);
  }
}
