/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.onelake.delta.KernelLiterals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates the parts of a SQL condition that Delta Kernel can use for partition pruning and min/max
 * data skipping into a Kernel predicate. Only comparisons of a column with a constant of the column's
 * own type are translated; anything else is left out of the AND (a weaker predicate only skips less)
 * and makes an OR untranslatable. The SQL condition itself is always still applied to every row.
 */
final class RexToKernelPredicate {
  private RexToKernelPredicate() {}

  static Optional<Predicate> convert(RexBuilder rexBuilder, RexNode condition, DeltaTableScan scan) {
    StructType schema = scan.deltaTable().snapshot().getSchema();
    int[] ordinals = scan.columnOrdinals();
    List<StructField> fields = new ArrayList<>();
    for (int ordinal : ordinals) {
      // Row identity columns of a DML target are not in the files; conditions on them skip nothing.
      fields.add(ordinal < schema.length() ? schema.at(ordinal) : null);
    }
    ZoneId zone = scan.deltaTable().catalog().timeZone();
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    List<Predicate> conjuncts = new ArrayList<>();
    for (RexNode conjunct : org.apache.calcite.plan.RelOptUtil.conjunctions(expanded)) {
      convertNode(conjunct, fields, zone).ifPresent(conjuncts::add);
    }
    if (conjuncts.isEmpty()) {
      return Optional.empty();
    }
    Predicate result = conjuncts.get(0);
    for (int i = 1; i < conjuncts.size(); i++) {
      result = new And(result, conjuncts.get(i));
    }
    return Optional.of(result);
  }

  private static Optional<Predicate> convertNode(RexNode node, List<StructField> fields, ZoneId zone) {
    if (!(node instanceof RexCall)) {
      return Optional.empty();
    }
    RexCall call = (RexCall) node;
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND: {
        List<Predicate> parts = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          convertNode(operand, fields, zone).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        Predicate result = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
          result = new And(result, parts.get(i));
        }
        return Optional.of(result);
      }
      case OR: {
        Predicate result = null;
        for (RexNode operand : call.getOperands()) {
          Optional<Predicate> part = convertNode(operand, fields, zone);
          if (part.isEmpty()) {
            return Optional.empty();
          }
          result = result == null ? part.get() : new Or(result, part.get());
        }
        return Optional.ofNullable(result);
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        Optional<Column> column = column(call.getOperands().get(0), fields);
        return column.map(c -> new Predicate(kind == SqlKind.IS_NULL ? "IS_NULL" : "IS_NOT_NULL", c));
      }
      case EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, fields, zone);
      default:
        return Optional.empty();
    }
  }

  private static Optional<Predicate> comparison(RexCall call, List<StructField> fields, ZoneId zone) {
    RexNode left = TimestampCondition.withoutRepresentationCast(call.getOperands().get(0));
    RexNode right = TimestampCondition.withoutRepresentationCast(call.getOperands().get(1));
    SqlKind kind = call.getKind();
    if (left instanceof RexLiteral && right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    if (!(left instanceof RexInputRef) || !(right instanceof RexLiteral)) {
      return Optional.empty();
    }
    StructField field = fields.get(((RexInputRef) left).getIndex());
    if (field == null) {
      return Optional.empty();
    }
    if (field.getDataType() instanceof TimestampType || field.getDataType() instanceof TimestampNTZType) {
      return timestampComparison(kind, new Column(field.getName()), (RexLiteral) right,
          field.getDataType(), zone);
    }
    Optional<Literal> literal = literal((RexLiteral) right, field.getDataType(), zone);
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    String operator;
    switch (kind) {
      case EQUALS:
        operator = "=";
        break;
      case LESS_THAN:
        operator = "<";
        break;
      case LESS_THAN_OR_EQUAL:
        operator = "<=";
        break;
      case GREATER_THAN:
        operator = ">";
        break;
      case GREATER_THAN_OR_EQUAL:
        operator = ">=";
        break;
      default:
        return Optional.empty();
    }
    Expression column = new Column(field.getName());
    return Optional.of(new Predicate(operator, column, literal.get()));
  }

  /**
   * A comparison with a timestamp literal, widened to the literal's whole millisecond: the scan or the
   * Filter compares with microseconds or milliseconds (see {@link TimestampCondition}), and skipping
   * must keep every file either could match.
   */
  private static Optional<Predicate> timestampComparison(SqlKind kind, Column column, RexLiteral literal,
      DataType type, ZoneId zone) {
    Optional<Long> micros = TimestampCondition.wallClockMicros(literal);
    if (micros.isEmpty()) {
      return Optional.empty();
    }
    long first = Math.floorDiv(micros.get(), 1000L) * 1000L;
    Literal from = timestampLiteral(type, first, zone);
    Literal to = timestampLiteral(type, first + 999L, zone);
    switch (kind) {
      case EQUALS:
        return Optional.of(new And(new Predicate(">=", column, from), new Predicate("<=", column, to)));
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
        return Optional.of(new Predicate("<=", column, to));
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return Optional.of(new Predicate(">=", column, from));
      default:
        return Optional.empty();
    }
  }

  /** The Kernel literal of a wall-clock time; for Delta {@code timestamp}, its instant in the zone. */
  private static Literal timestampLiteral(DataType type, long wallClockMicros, ZoneId zone) {
    return KernelLiterals.of(type, type instanceof TimestampType
        ? SessionTime.toEpochMicros(wallClockMicros, zone) : wallClockMicros);
  }

  private static Optional<Column> column(RexNode node, List<StructField> fields) {
    if (node instanceof RexInputRef && fields.get(((RexInputRef) node).getIndex()) != null) {
      return Optional.of(new Column(fields.get(((RexInputRef) node).getIndex()).getName()));
    }
    return Optional.empty();
  }

  /** The literal as a Kernel literal of exactly the column's type, if it converts without loss. */
  private static Optional<Literal> literal(RexLiteral literal, DataType type, ZoneId zone) {
    if (literal.isNull()) {
      return Optional.empty();
    }
    try {
      if (type instanceof BooleanType) {
        return Optional.of(KernelLiterals.of(type, literal.getValueAs(Boolean.class)));
      } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
          || type instanceof LongType) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
          return Optional.empty();
        }
        return Optional.of(KernelLiterals.of(type, value.longValueExact()));
      } else if (type instanceof FloatType || type instanceof DoubleType) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        return value == null ? Optional.empty() : Optional.of(KernelLiterals.of(type, value.doubleValue()));
      } else if (type instanceof StringType) {
        return Optional.ofNullable(literal.getValueAs(String.class)).map(v -> KernelLiterals.of(type, v));
      } else if (type instanceof BinaryType) {
        ByteString bytes = literal.getValueAs(ByteString.class);
        return bytes == null ? Optional.empty() : Optional.of(KernelLiterals.of(type, bytes.getBytes()));
      } else if (type instanceof DateType) {
        return Optional.ofNullable(literal.getValueAs(Integer.class)).map(d -> KernelLiterals.of(type, d));
      } else if (type instanceof DecimalType) {
        DecimalType decimal = (DecimalType) type;
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value == null) {
          return Optional.empty();
        }
        BigDecimal scaled = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
        if (scaled.precision() > decimal.getPrecision()) {
          return Optional.empty();
        }
        return Optional.of(KernelLiterals.of(type, scaled));
      }
      return Optional.empty();
    } catch (ArithmeticException | ClassCastException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
