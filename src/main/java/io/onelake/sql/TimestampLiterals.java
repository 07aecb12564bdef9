/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.MicrosTimestamp;
import io.onelake.exec.QueryRows;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;

/**
 * The microseconds of timestamp literals in {@code INSERT ... VALUES} and in the SET values of
 * {@code UPDATE} and {@code MERGE}. Calcite evaluates the rows, and
 * its runtime cuts a TIMESTAMP to milliseconds; a cell whose SQL is a literal ({@code TIMESTAMP '...'}
 * or a string) gets back the literal's exact value. The rows of a VALUES come out in their written
 * order, and a cell is only replaced when Calcite's value is that literal cut to milliseconds.
 */
final class TimestampLiterals implements QueryRows {
  private final QueryRows rows;
  /** [row][column]: the exact value of a literal cell, or null to keep Calcite's. */
  private final MicrosTimestamp[][] exact;
  /** Whether {@code exact[0]} holds for every row (the SET values of UPDATE and MERGE). */
  private final boolean everyRow;

  private TimestampLiterals(QueryRows rows, MicrosTimestamp[][] exact, boolean everyRow) {
    this.rows = requireNonNull(rows, "rows");
    this.exact = exact;
    this.everyRow = everyRow;
  }

  /**
   * The rows of a query with the exact literals put back in the columns whose SQL is the same literal
   * in every row ({@code UPDATE ... SET ts = TIMESTAMP '...'}, MERGE values); {@code rows} itself if
   * none of them is a timestamp literal.
   *
   * @param literals column of the query → the SQL of its value, for the columns of a timestamp type
   */
  static QueryRows restoreConstants(QueryRows rows, int width, Map<Integer, SqlNode> literals) {
    MicrosTimestamp[] exact = new MicrosTimestamp[width];
    boolean any = false;
    for (Map.Entry<Integer, SqlNode> literal : literals.entrySet()) {
      exact[literal.getKey()] = literal(literal.getValue());
      any |= exact[literal.getKey()] != null;
    }
    return any ? new TimestampLiterals(rows, new MicrosTimestamp[][] {exact}, true) : rows;
  }

  /**
   * The rows of {@code VALUES} with the exact literals put back; {@code rows} itself if no timestamp
   * column has a literal.
   *
   * @param cells [row][column] the SQL of each target column's value (null for an omitted column)
   * @param timestampColumns the target columns of a timestamp type
   */
  static QueryRows restore(QueryRows rows, List<List<SqlNode>> cells, boolean[] timestampColumns) {
    MicrosTimestamp[][] exact = new MicrosTimestamp[cells.size()][];
    boolean any = false;
    for (int r = 0; r < exact.length; r++) {
      exact[r] = new MicrosTimestamp[timestampColumns.length];
      for (int c = 0; c < timestampColumns.length; c++) {
        if (timestampColumns[c]) {
          exact[r][c] = literal(cells.get(r).get(c));
          any |= exact[r][c] != null;
        }
      }
    }
    return any ? new TimestampLiterals(rows, exact, false) : rows;
  }

  private static MicrosTimestamp literal(SqlNode node) {
    String text;
    if (node instanceof SqlTimestampLiteral) {
      text = ((SqlTimestampLiteral) node).getTimestamp().toString();
    } else if (node instanceof SqlUnknownLiteral
        && "TIMESTAMP".equalsIgnoreCase(((SqlUnknownLiteral) node).tag)) {
      // The parser leaves TIMESTAMP '...' to the validator.
      text = ((SqlUnknownLiteral) node).getValue();
    } else if (node instanceof SqlCharStringLiteral) {
      text = ((SqlCharStringLiteral) node).toValue();
    } else {
      return null;
    }
    try {
      return MicrosTimestamp.of(LocalDateTime.parse(text.trim().replace(' ', 'T')));
    } catch (DateTimeParseException | NullPointerException e) {
      // Calcite converts (or rejects) what is not an ISO date-time itself.
      return null;
    }
  }

  @Override
  public RelDataType rowType() {
    return rows.rowType();
  }

  @Override
  public Enumerable<Object> rows(DataContext context, Map<String, Object> variables) {
    return rows.rows(context, variables).select((row, index) -> {
      MicrosTimestamp[] literals = everyRow ? exact[0] : index < exact.length ? exact[index] : null;
      if (literals == null) {
        return row;
      }
      Object[] values = row instanceof Object[] ? ((Object[]) row).clone() : new Object[] {row};
      for (int c = 0; c < literals.length; c++) {
        // A SET value column is that literal in every row; a VALUES cell is checked to be it (Calcite
        // may have cut or rounded it to milliseconds).
        if (literals[c] != null && values[c] != null && (everyRow
            || Math.floorDiv(literals[c].micros(), 1000L)
                == Math.floorDiv(MicrosTimestamp.wallClockMicros(values[c]), 1000L))) {
          values[c] = literals[c];
        }
      }
      return row instanceof Object[] ? values : values[0];
    });
  }
}
