/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import io.onelake.catalog.TableNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Builds the table-function calls that Delta time travel is parsed into. {@code t VERSION AS OF 3}
 * becomes {@code TABLE(DELTA_AT_VERSION('["t"]', 3)) AS t}: the table function is resolved while the
 * statement is validated, so the validator sees the schema of that version, not today's.
 */
public final class TimeTravelCalls {
  public static final String AT_VERSION = "DELTA_AT_VERSION";
  public static final String AT_TIMESTAMP = "DELTA_AT_TIMESTAMP";

  private TimeTravelCalls() {}

  /** Whether a FOR SYSTEM_TIME AS OF operand is a constant we can resolve to a commit. */
  public static boolean isTimestampConstant(SqlNode point) {
    return point instanceof SqlLiteral
        && (point.getKind() == SqlKind.LITERAL)
        && (((SqlLiteral) point).getTypeName().getFamily() != null);
  }

  public static SqlNode timeTravel(SqlParserPos pos, SqlNode tableRef, SqlNode point, boolean byVersion,
      SqlIdentifier alias, SqlNodeList columnAliases) {
    if (!(tableRef instanceof SqlIdentifier)) {
      throw org.apache.calcite.sql.SqlUtil.newContextException(pos,
          org.apache.calcite.util.Static.RESOURCE.illegalNonQueryExpression());
    }
    SqlIdentifier table = (SqlIdentifier) tableRef;
    SqlUnresolvedFunction function = new SqlUnresolvedFunction(
        new SqlIdentifier(byVersion ? AT_VERSION : AT_TIMESTAMP, pos), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    SqlNode pointArgument = point;
    if (point instanceof SqlLiteral && !byVersion
        && ((SqlLiteral) point).getTypeName() != org.apache.calcite.sql.type.SqlTypeName.CHAR) {
      // TIMESTAMP '...' and DATE '...' literals travel as text; the table function parses them.
      pointArgument = SqlLiteral.createCharString(((SqlLiteral) point).toValue(), pos);
    }
    SqlNode call = function.createCall(pos,
        SqlLiteral.createCharString(TableNames.encode(table.names), pos), pointArgument);
    SqlNode tableCall = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call);
    SqlIdentifier aliasName = alias != null
        ? alias
        : new SqlIdentifier(table.names.get(table.names.size() - 1), pos);
    List<SqlNode> operands = new ArrayList<>();
    operands.add(tableCall);
    operands.add(aliasName);
    if (columnAliases != null) {
      operands.addAll(columnAliases.getList());
    }
    return SqlStdOperatorTable.AS.createCall(pos, operands);
  }
}
