/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * A comparison of a table's timestamp column with a TIMESTAMP literal, which the scan applies to every
 * row with all microseconds ({@code ts > TIMESTAMP '2024-01-01 10:00:00.123456'}). Calcite would
 * compare both sides cut to milliseconds, so such a condition leaves the Filter above the scan. NULL
 * never satisfies it, as in WHERE. Immutable.
 */
public final class TimestampCondition {
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.LESS_THAN,
      SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

  private final int column;
  private final SqlKind kind;
  private final long wallClockMicros;

  private TimestampCondition(int column, SqlKind kind, long wallClockMicros) {
    this.column = column;
    this.kind = requireNonNull(kind, "kind");
    this.wallClockMicros = wallClockMicros;
  }

  /**
   * The condition of a conjunct {@code column OP literal} (either way round, OP one of = < <= > >=),
   * where the column is carried with microseconds ({@link MicrosTimestampTypes}).
   */
  static Optional<TimestampCondition> of(RexNode conjunct, RelDataType scanRowType) {
    if (!(conjunct instanceof RexCall)) {
      return Optional.empty();
    }
    RexCall call = (RexCall) conjunct;
    SqlKind kind = call.getKind();
    if (!COMPARISONS.contains(kind) || call.getOperands().size() != 2) {
      return Optional.empty();
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (left instanceof RexLiteral) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    Optional<Integer> column = microsColumn(left, scanRowType);
    Optional<Long> micros = right instanceof RexLiteral ? wallClockMicros((RexLiteral) right)
        : Optional.empty();
    if (column.isEmpty() || micros.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TimestampCondition(column.get(), kind, micros.get()));
  }

  /** The ordinal of a column carried with microseconds (see {@link #withoutRepresentationCast}). */
  private static Optional<Integer> microsColumn(RexNode node, RelDataType scanRowType) {
    node = withoutRepresentationCast(node);
    if (!(node instanceof RexInputRef)) {
      return Optional.empty();
    }
    int index = ((RexInputRef) node).getIndex();
    return MicrosTimestampTypes.isMicrosTimestamp(scanRowType.getFieldList().get(index).getType())
        ? Optional.of(index) : Optional.empty();
  }

  /**
   * A column carried with microseconds without the cast to a plain TIMESTAMP(6) that Calcite puts on
   * it to compare it with other timestamps: the cast changes only its runtime representation.
   */
  static RexNode withoutRepresentationCast(RexNode node) {
    if (node.getKind() != SqlKind.CAST) {
      return node;
    }
    RexNode operand = ((RexCall) node).getOperands().get(0);
    RelDataType target = node.getType();
    return operand instanceof RexInputRef && MicrosTimestampTypes.isMicrosTimestamp(operand.getType())
        && target.getSqlTypeName() == SqlTypeName.TIMESTAMP
        && target.getPrecision() >= DeltaTypes.TIMESTAMP_PRECISION ? operand : node;
  }

  /** The wall-clock microseconds of a zoneless TIMESTAMP literal. */
  static Optional<Long> wallClockMicros(RexLiteral literal) {
    if (literal.isNull() || literal.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP) {
      return Optional.empty();
    }
    TimestampString text = literal.getValueAs(TimestampString.class);
    try {
      return Optional.of(MicrosTimestamp.of(LocalDateTime.parse(text.toString().replace(' ', 'T')))
          .micros());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  int column() {
    return column;
  }

  /** The same condition on the column's new position. */
  TimestampCondition withColumn(int newColumn) {
    return new TimestampCondition(newColumn, kind, wallClockMicros);
  }

  /** Whether the column's value (a {@link MicrosTimestamp} or null) satisfies the condition. */
  boolean test(Object value) {
    if (value == null) {
      return false;
    }
    int order = Long.compare(MicrosTimestamp.wallClockMicros(value), wallClockMicros);
    switch (kind) {
      case EQUALS:
        return order == 0;
      case LESS_THAN:
        return order < 0;
      case LESS_THAN_OR_EQUAL:
        return order <= 0;
      case GREATER_THAN:
        return order > 0;
      case GREATER_THAN_OR_EQUAL:
        return order >= 0;
      default:
        throw new IllegalStateException("not a comparison: " + kind);
    }
  }

  @Override
  public String toString() {
    return "$" + column + " " + kind.sql + " " + MicrosTimestamp.ofMicros(wallClockMicros);
  }
}
