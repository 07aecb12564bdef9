/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Delta Lake / Spark SQL {@code MERGE} statement with any number of ordered clauses:
 *
 * <pre>
 * MERGE INTO target [[AS] alias]
 * USING source [[AS] alias [(column, ...)]]
 * ON condition
 * WHEN MATCHED [AND cond] THEN UPDATE SET col = expr, ... | UPDATE SET * | DELETE
 * WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT [(col, ...)] VALUES (expr, ...) | INSERT *
 * WHEN NOT MATCHED BY SOURCE [AND cond] THEN UPDATE SET col = expr, ... | DELETE
 * </pre>
 *
 * <p>Calcite's own {@code SqlMerge} holds at most one UPDATE and one INSERT without conditions, which
 * cannot express Delta's clause list; hence this node. The constructor enforces Delta's static rules,
 * so every instance is a statement Delta would accept syntactically. Identifiers are kept as written
 * (SET targets may carry the target alias); name resolution is the executor's job.
 */
public final class SqlDeltaMerge extends SqlCall {
  /** MERGE's operator; {@code createCall} rebuilds the node, so shuttles and {@code clone} keep it. */
  public static final SqlSpecialOperator OPERATOR = new Operator();

  /** The number of operands before the clauses, and per clause; see {@link #getOperandList()}. */
  private static final int HEAD_OPERANDS = 6;
  private static final int CLAUSE_OPERANDS = 5;

  /** Which rows a clause applies to. */
  public enum Match {
    /** {@code WHEN MATCHED}: a target row joined with a source row. */
    MATCHED("MATCHED"),
    /** {@code WHEN NOT MATCHED [BY TARGET]}: a source row without a target row. */
    NOT_MATCHED_BY_TARGET("NOT MATCHED"),
    /** {@code WHEN NOT MATCHED BY SOURCE}: a target row without a source row. */
    NOT_MATCHED_BY_SOURCE("NOT MATCHED BY SOURCE");

    private final String sql;

    Match(String sql) {
      this.sql = sql;
    }

    /** The words after WHEN, as the clause is written back. */
    public String sql() {
      return sql;
    }
  }

  /** What a clause does with the rows it applies to. */
  public enum Action {
    UPDATE, UPDATE_STAR, DELETE, INSERT, INSERT_STAR
  }

  /**
   * One {@code WHEN ... THEN ...} clause.
   *
   * @param match the rows the clause applies to
   * @param condition the {@code AND} condition, or null when the clause has none
   * @param action what the clause does
   * @param columns UPDATE: the SET targets; INSERT: the column list, or null when omitted; null for
   *     {@code *} and DELETE
   * @param values UPDATE: the SET expressions, in the order of {@code columns}; INSERT: the VALUES
   *     expressions; null for {@code *} and DELETE
   */
  public record Clause(Match match, @Nullable SqlNode condition, Action action,
      @Nullable SqlNodeList columns, @Nullable SqlNodeList values) {
    /** Checks the clause on its own; rules that involve other clauses are the statement's. */
    public Clause {
      requireNonNull(match, "match");
      requireNonNull(action, "action");
      String problem = problem(match, action, columns, values);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  private final SqlIdentifier target;
  private final @Nullable SqlIdentifier targetAlias;
  private final SqlNode source;
  private final @Nullable SqlIdentifier sourceAlias;
  private final @Nullable SqlNodeList sourceColumnAliases;
  private final SqlNode condition;
  private final List<Clause> clauses;

  /**
   * Creates a MERGE statement.
   *
   * @throws CalciteContextException if the statement breaks one of Delta's rules for MERGE; the
   *     parser reports it as a syntax error at that position
   */
  public SqlDeltaMerge(SqlParserPos pos, SqlIdentifier target, @Nullable SqlIdentifier targetAlias,
      SqlNode source, @Nullable SqlIdentifier sourceAlias, @Nullable SqlNodeList sourceColumnAliases,
      SqlNode condition, List<Clause> clauses) {
    super(pos);
    this.target = requireNonNull(target, "target");
    this.targetAlias = targetAlias;
    this.source = requireNonNull(source, "source");
    this.sourceAlias = sourceAlias;
    this.sourceColumnAliases = sourceColumnAliases;
    this.condition = requireNonNull(condition, "condition");
    this.clauses = List.copyOf(clauses);
    if (sourceColumnAliases != null && sourceAlias == null) {
      throw error(sourceColumnAliases.getParserPosition(),
          "MERGE source column aliases need a source alias");
    }
    if (source.getKind() == SqlKind.AS) {
      // The alias is a property of the statement; a nested AS would make two aliases.
      throw error(source.getParserPosition(), "MERGE source must be given without its alias");
    }
    checkClauses();
  }

  /**
   * Creates a clause for the parser, which calls this for each clause in turn: as the {@link Clause}
   * constructor, but an invalid clause, also one that {@code previous} makes unreachable, is a
   * syntax error at {@code pos} (the clause's) rather than an exception without a position.
   */
  public static Clause clause(SqlParserPos pos, List<Clause> previous, Match match,
      @Nullable SqlNode condition, Action action, @Nullable SqlNodeList columns,
      @Nullable SqlNodeList values) {
    String problem = problem(match, action, columns, values);
    if (problem == null) {
      problem = orderProblem(previous, match);
    }
    if (problem != null) {
      throw error(pos, problem);
    }
    return new Clause(match, condition, action, columns, values);
  }

  public SqlIdentifier target() {
    return target;
  }

  public @Nullable SqlIdentifier targetAlias() {
    return targetAlias;
  }

  /**
   * The source without its alias: a table name ({@link SqlIdentifier}), a query (SELECT, VALUES,
   * WITH, ORDER BY, set operations), or, for a time-travelled table, the
   * {@code TABLE(DELTA_AT_VERSION(...))} / {@code TABLE(DELTA_AT_TIMESTAMP(...))} call or
   * {@code SqlSnapshot} that {@code t VERSION AS OF n} etc. parse into elsewhere in a FROM clause.
   */
  public SqlNode source() {
    return source;
  }

  /** The source alias; for a time-travelled table without one, the table's name, as in FROM. */
  public @Nullable SqlIdentifier sourceAlias() {
    return sourceAlias;
  }

  /** The column aliases of {@code AS s(a, b)}; null when absent. */
  public @Nullable SqlNodeList sourceColumnAliases() {
    return sourceColumnAliases;
  }

  public SqlNode condition() {
    return condition;
  }

  /** The WHEN clauses in statement order; Delta applies the first one whose condition holds. */
  public List<Clause> clauses() {
    return clauses;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /**
   * target, targetAlias, source, sourceAlias, sourceColumnAliases, condition, then per clause: its
   * match and action as symbol literals, condition, columns and values. Absent parts are null.
   */
  @SuppressWarnings("nullness")
  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>(HEAD_OPERANDS + CLAUSE_OPERANDS * clauses.size());
    operands.add(target);
    operands.add(targetAlias);
    operands.add(source);
    operands.add(sourceAlias);
    operands.add(sourceColumnAliases);
    operands.add(condition);
    for (Clause clause : clauses) {
      operands.add(SqlLiteral.createSymbol(clause.match(), SqlParserPos.ZERO));
      operands.add(SqlLiteral.createSymbol(clause.action(), SqlParserPos.ZERO));
      operands.add(clause.condition());
      operands.add(clause.columns());
      operands.add(clause.values());
    }
    return ImmutableNullableList.copyOf(operands);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "MERGE INTO", "");
    target.unparse(writer, 0, 0);
    if (targetAlias != null) {
      writer.keyword("AS");
      targetAlias.unparse(writer, 0, 0);
    }
    writer.newlineAndIndent();
    writer.keyword("USING");
    if (source.isA(SqlKind.QUERY)) {
      final SqlWriter.Frame sourceFrame = writer.startList(SqlWriter.FrameTypeEnum.SUB_QUERY, "(", ")");
      if (source instanceof SqlSelect) {
        // SqlSelect.unparse adds parentheses of its own in some frames and not in others; the
        // dialect writes the bare SELECT.
        writer.getDialect().unparseCall(writer, (SqlSelect) source, 0, 0);
      } else {
        source.unparse(writer, 0, 0);
      }
      writer.endList(sourceFrame);
    } else {
      source.unparse(writer, 0, 0);
    }
    if (sourceAlias != null) {
      writer.keyword("AS");
      sourceAlias.unparse(writer, 0, 0);
      if (sourceColumnAliases != null) {
        unparseList(writer, sourceColumnAliases);
      }
    }
    writer.newlineAndIndent();
    writer.keyword("ON");
    condition.unparse(writer, 0, 0);
    for (Clause clause : clauses) {
      writer.newlineAndIndent();
      writer.keyword("WHEN " + clause.match().sql());
      SqlNode clauseCondition = clause.condition();
      if (clauseCondition != null) {
        writer.keyword("AND");
        clauseCondition.unparse(writer, 0, 0);
      }
      writer.keyword("THEN");
      SqlNodeList columns = clause.columns();
      SqlNodeList values = clause.values();
      switch (clause.action()) {
        case UPDATE:
          writer.keyword("UPDATE");
          final SqlWriter.Frame setFrame =
              writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "SET", "");
          for (int i = 0; i < requireNonNull(columns, "columns").size(); i++) {
            writer.sep(",");
            columns.get(i).unparse(writer, 0, 0);
            writer.keyword("=");
            requireNonNull(values, "values").get(i).unparse(writer, 0, 0);
          }
          writer.endList(setFrame);
          break;
        case UPDATE_STAR:
          writer.keyword("UPDATE SET *");
          break;
        case DELETE:
          writer.keyword("DELETE");
          break;
        case INSERT:
          writer.keyword("INSERT");
          if (columns != null) {
            unparseList(writer, columns);
          }
          writer.keyword("VALUES");
          unparseList(writer, requireNonNull(values, "values"));
          break;
        case INSERT_STAR:
          writer.keyword("INSERT *");
          break;
        default:
          throw new AssertionError(clause.action());
      }
    }
    writer.endList(frame);
  }

  private static void unparseList(SqlWriter writer, SqlNodeList list) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.PARENTHESES, "(", ")");
    for (SqlNode node : list) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** What is wrong with a clause on its own, or null if nothing is. */
  private static @Nullable String problem(Match match, Action action, @Nullable SqlNodeList columns,
      @Nullable SqlNodeList values) {
    switch (action) {
      case INSERT:
      case INSERT_STAR:
        if (match != Match.NOT_MATCHED_BY_TARGET) {
          return "MERGE: INSERT is only allowed in WHEN NOT MATCHED [BY TARGET] clauses, not in WHEN "
              + match.sql();
        }
        break;
      default:
        if (match == Match.NOT_MATCHED_BY_TARGET) {
          // There is no target row to update or delete.
          return "MERGE: WHEN NOT MATCHED [BY TARGET] clauses can only INSERT";
        }
        if (action == Action.UPDATE_STAR && match == Match.NOT_MATCHED_BY_SOURCE) {
          // There is no source row to take the values from.
          return "MERGE: UPDATE SET * is not allowed in WHEN NOT MATCHED BY SOURCE clauses";
        }
        break;
    }
    switch (action) {
      case UPDATE:
        if (columns == null || values == null || columns.isEmpty()) {
          return "MERGE: UPDATE SET needs at least one assignment";
        }
        if (columns.size() != values.size()) {
          return "MERGE: UPDATE SET has " + columns.size() + " column(s) but " + values.size() + " value(s)";
        }
        return columnProblem(columns);
      case INSERT:
        if (values == null || values.isEmpty()) {
          return "MERGE: INSERT needs VALUES";
        }
        if (columns != null && columns.size() != values.size()) {
          return "MERGE: the INSERT column list names " + columns.size() + " column(s) but VALUES has "
              + values.size() + " expression(s)";
        }
        return columns == null ? null : columnProblem(columns);
      default:
        if (columns != null || values != null) {
          return "MERGE: " + action + " takes no columns or values";
        }
        return null;
    }
  }

  /**
   * Delta's "only the last clause of a kind may omit its condition", seen from the clause that comes
   * after the unconditional one: Delta applies the first clause of a kind whose condition holds, so
   * that clause could never apply.
   */
  private static @Nullable String orderProblem(List<Clause> previous, Match match) {
    for (Clause earlier : previous) {
      if (earlier.match() == match && earlier.condition() == null) {
        return "MERGE: only the last WHEN " + match.sql() + " clause may omit its AND condition, "
            + "but an earlier WHEN " + match.sql() + " clause has none, so this one could never apply";
      }
    }
    return null;
  }

  private static @Nullable String columnProblem(SqlNodeList columns) {
    for (SqlNode column : columns) {
      if (!(column instanceof SqlIdentifier) || ((SqlIdentifier) column).isStar()) {
        return "MERGE: " + column + " is not a column name";
      }
    }
    return null;
  }

  /** Rules that involve several clauses, or the target's name. */
  private void checkClauses() {
    if (clauses.isEmpty()) {
      throw error(getParserPosition(), "MERGE needs at least one WHEN clause");
    }
    for (int i = 0; i < clauses.size(); i++) {
      Clause clause = clauses.get(i);
      String problem = orderProblem(clauses.subList(0, i), clause.match());
      if (problem != null) {
        throw error(position(clause), problem + " (clause " + (i + 1) + ")");
      }
      if (clause.action() == Action.UPDATE || clause.action() == Action.INSERT) {
        SqlNodeList columns = clause.columns();
        if (columns != null) {
          checkDistinct(columns, clause.action() == Action.UPDATE ? "UPDATE SET" : "the INSERT column list");
        }
      }
    }
  }

  /**
   * Rejects a column that a SET or INSERT list names twice. Names are compared as the driver resolves
   * them, case-insensitively, and {@code t.c} is {@code c} when {@code t} qualifies the target.
   */
  private void checkDistinct(SqlNodeList columns, String where) {
    Set<List<String>> seen = new HashSet<>();
    for (SqlNode column : columns) {
      SqlIdentifier id = (SqlIdentifier) column;
      if (!seen.add(columnKey(id))) {
        throw error(id.getParserPosition(), "MERGE: " + where + " names column " + id + " more than once");
      }
    }
  }

  private List<String> columnKey(SqlIdentifier id) {
    List<String> names = id.names;
    List<String> qualifier = targetAlias != null ? targetAlias.names : target.names;
    if (names.size() > qualifier.size() && equalNames(names.subList(0, qualifier.size()), qualifier)) {
      names = names.subList(qualifier.size(), names.size());
    } else if (targetAlias == null && names.size() > 1
        && names.get(0).equalsIgnoreCase(target.names.get(target.names.size() - 1))) {
      // t.c for MERGE INTO db.t
      names = names.subList(1, names.size());
    }
    List<String> key = new ArrayList<>(names.size());
    for (String name : names) {
      key.add(name.toLowerCase(Locale.ROOT));
    }
    return key;
  }

  private static boolean equalNames(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return a.size() == b.size();
  }

  /** Where a clause is, as near as its parts tell; clauses do not keep their own position. */
  private SqlParserPos position(Clause clause) {
    for (SqlNode part : new SqlNode[] {clause.condition(), clause.columns(), clause.values()}) {
      if (part != null && !part.getParserPosition().equals(SqlParserPos.ZERO)) {
        return part.getParserPosition();
      }
    }
    return getParserPosition();
  }

  /**
   * A rule violation as Calcite's parser reports semantic errors it finds itself: the parser turns a
   * {@link CalciteContextException} into a {@code SqlParseException} at that position with the
   * cause's message, so the JDBC layer reports a syntax error (42000).
   */
  private static CalciteContextException error(SqlParserPos pos, String message) {
    String located = pos.equals(SqlParserPos.ZERO) ? message : message + " at " + pos;
    return new CalciteContextException(located, new SqlValidatorException(located, null),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }

  /** Rebuilds a {@link SqlDeltaMerge} from the operands of {@link #getOperandList()}. */
  private static final class Operator extends SqlSpecialOperator {
    Operator() {
      super("MERGE", SqlKind.MERGE);
    }

    @Override
    public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
        @Nullable SqlNode... operands) {
      if (operands.length < HEAD_OPERANDS || (operands.length - HEAD_OPERANDS) % CLAUSE_OPERANDS != 0) {
        throw new IllegalArgumentException("MERGE has " + HEAD_OPERANDS + " + " + CLAUSE_OPERANDS
            + " * n operands, not " + operands.length);
      }
      List<Clause> clauses = new ArrayList<>();
      for (int i = HEAD_OPERANDS; i < operands.length; i += CLAUSE_OPERANDS) {
        clauses.add(new Clause(
            ((SqlLiteral) requireNonNull(operands[i], "match")).getValueAs(Match.class),
            operands[i + 2],
            ((SqlLiteral) requireNonNull(operands[i + 1], "action")).getValueAs(Action.class),
            (SqlNodeList) operands[i + 3],
            (SqlNodeList) operands[i + 4]));
      }
      return new SqlDeltaMerge(pos, (SqlIdentifier) requireNonNull(operands[0], "target"),
          (SqlIdentifier) operands[1], requireNonNull(operands[2], "source"), (SqlIdentifier) operands[3],
          (SqlNodeList) operands[4], requireNonNull(operands[5], "condition"), clauses);
    }
  }
}
