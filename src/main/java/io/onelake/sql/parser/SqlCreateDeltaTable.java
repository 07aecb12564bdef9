/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t [(columns)] [PARTITIONED BY (...)] [COMMENT '...']
 * [TBLPROPERTIES (...)] [AS query]}, the Delta flavour of CREATE TABLE.
 */
public final class SqlCreateDeltaTable extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final SqlNodeList partitionColumns;
  private final SqlNode comment;
  private final SqlNodeList properties;
  private final SqlNode query;

  public SqlCreateDeltaTable(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList columns, SqlNodeList partitionColumns, SqlNode comment, SqlNodeList properties,
      SqlNode query) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.columns = columns;
    this.partitionColumns = requireNonNull(partitionColumns, "partitionColumns");
    this.comment = comment;
    this.properties = requireNonNull(properties, "properties");
    this.query = query;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** The declared columns; empty for CREATE TABLE ... AS SELECT without a column list. */
  public List<Column> columns() {
    List<Column> result = new ArrayList<>();
    if (columns != null) {
      for (SqlNode node : columns) {
        result.add((Column) node);
      }
    }
    return result;
  }

  public List<String> partitionColumns() {
    List<String> result = new ArrayList<>();
    for (SqlNode node : partitionColumns) {
      result.add(((SqlIdentifier) node).getSimple());
    }
    return result;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment).map(c -> ((SqlLiteral) c).getValueAs(String.class));
  }

  /** Table properties in the order written; values as text. */
  public Map<String, String> properties() {
    Map<String, String> result = new LinkedHashMap<>();
    List<SqlNode> list = properties.getList();
    for (int i = 0; i + 1 < list.size(); i += 2) {
      result.put(literalText(list.get(i)), literalText(list.get(i + 1)));
    }
    return result;
  }

  public Optional<SqlNode> query() {
    return Optional.ofNullable(query);
  }

  private static String literalText(SqlNode node) {
    SqlLiteral literal = (SqlLiteral) node;
    String text = literal.getValueAs(String.class);
    return text != null ? text : literal.toValue();
  }

  @SuppressWarnings("nullness")
  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns, partitionColumns, comment, properties, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (getReplace()) {
      writer.keyword("OR REPLACE");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (columns != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode column : columns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (partitionColumns.size() > 0) {
      writer.keyword("PARTITIONED BY");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode column : partitionColumns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
    if (properties.size() > 0) {
      writer.keyword("TBLPROPERTIES");
      SqlWriter.Frame frame = writer.startList("(", ")");
      List<SqlNode> list = properties.getList();
      for (int i = 0; i + 1 < list.size(); i += 2) {
        writer.sep(",");
        list.get(i).unparse(writer, 0, 0);
        writer.keyword("=");
        list.get(i + 1).unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }

  /** One column definition: name, type (with nullability) and optional comment. */
  public static final class Column extends SqlCall {
    private static final SqlOperator COLUMN = new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

    private final SqlIdentifier name;
    private final SqlDataTypeSpec type;
    private final SqlNode comment;

    public Column(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type, SqlNode comment) {
      super(pos);
      this.name = requireNonNull(name, "name");
      this.type = requireNonNull(type, "type");
      this.comment = comment;
    }

    public String name() {
      return name.getSimple();
    }

    public SqlIdentifier identifier() {
      return name;
    }

    public SqlDataTypeSpec type() {
      return type;
    }

    public boolean nullable() {
      return type.getNullable() == null || type.getNullable();
    }

    public Optional<String> comment() {
      return Optional.ofNullable(comment).map(c -> ((SqlLiteral) c).getValueAs(String.class));
    }

    @Override
    public SqlOperator getOperator() {
      return COLUMN;
    }

    @SuppressWarnings("nullness")
    @Override
    public List<SqlNode> getOperandList() {
      return ImmutableNullableList.of(name, type, comment);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
      name.unparse(writer, 0, 0);
      type.unparse(writer, 0, 0);
      if (!nullable()) {
        writer.keyword("NOT NULL");
      }
      if (comment != null) {
        writer.keyword("COMMENT");
        comment.unparse(writer, 0, 0);
      }
    }
  }
}
