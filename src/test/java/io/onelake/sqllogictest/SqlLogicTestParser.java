/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses our dialect of sqllogictest (see {@code test-sql/README.md}) into a {@link SqlLogicTestFile}.
 *
 * <p>The parser is strict on purpose: a typo such as {@code rowsrot} or {@code statment} is an error with the
 * file and line, rather than a record that silently checks less than its author meant.
 */
public final class SqlLogicTestParser {
  private static final String SEPARATOR = "----";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  // A full SQLState (class + subclass) or just its class, e.g. 42S02 or 22.
  private static final Pattern SQL_STATE = Pattern.compile("[0-9A-Z]{2}|[0-9A-Z]{5}");

  private SqlLogicTestParser() {}

  /** Reads and parses a UTF-8 test file. */
  public static SqlLogicTestFile parse(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(path, Files.readString(path, StandardCharsets.UTF_8));
  }

  /**
   * Parses test file content; {@code path} is only used in records and error messages.
   *
   * @throws IllegalArgumentException with {@code path:line:} in the message if the content is malformed
   */
  public static SqlLogicTestFile parse(Path path, String content) {
    requireNonNull(path, "path");
    requireNonNull(content, "content");
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1); // editors on Windows like to write a byte order mark
    }
    // Any of CRLF, CR and LF ends a line, so files edited on Windows parse the same.
    String[] lines = content.split("\r\n|\r|\n", -1);
    if (lines.length > 0 && lines[lines.length - 1].isEmpty()) {
      // The newline ending the last line does not start another one.
      lines = Arrays.copyOf(lines, lines.length - 1);
    }
    return new SqlLogicTestFile(path, new Reader(path, lines).readAll());
  }

  /** A cursor over the lines of one file; lives for one {@code parse} call. */
  private static final class Reader {
    private final Path path;
    private final String[] lines;
    private int next; // index of the next unread line

    Reader(Path path, String[] lines) {
      this.path = path;
      this.lines = lines;
    }

    List<SqlLogicTestRecord> readAll() {
      List<SqlLogicTestRecord> records = new ArrayList<>();
      List<BackendCondition> conditions = new ArrayList<>();
      int conditionsLine = 0;
      while (next < lines.length) {
        int lineNumber = next + 1;
        String line = lines[next++].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          if (line.isEmpty() && !conditions.isEmpty()) {
            throw error(conditionsLine, "skipif/onlyif must be directly followed by a record");
          }
          continue;
        }
        String[] words = WHITESPACE.split(line);
        switch (words[0]) {
          case "skipif", "onlyif" -> {
            expectWordCount(lineNumber, words, 2, 2, words[0] + " <backend>");
            if (conditions.isEmpty()) {
              conditionsLine = lineNumber;
            }
            conditions.add(
                new BackendCondition(
                    words[0].equals("skipif") ? BackendCondition.Kind.SKIP_IF : BackendCondition.Kind.ONLY_IF,
                    words[1]));
            continue;
          }
          case "hash-threshold" -> {
            // Only matters for result hashing, which we do not do.
            expectWordCount(lineNumber, words, 2, 2, "hash-threshold <n>");
          }
          case "halt" -> {
            expectWordCount(lineNumber, words, 1, 1, "halt");
            records.add(new HaltRecord(lineNumber, conditions));
          }
          case "statement" -> records.add(statement(lineNumber, words, conditions));
          case "query" -> records.add(query(lineNumber, words, conditions));
          default -> throw error(lineNumber, "unknown record type '" + words[0] + "'");
        }
        conditions.clear();
      }
      if (!conditions.isEmpty()) {
        throw error(conditionsLine, "skipif/onlyif at the end of the file");
      }
      return records;
    }

    private SqlLogicTestRecord statement(int lineNumber, String[] words, List<BackendCondition> conditions) {
      if (words.length < 2) {
        throw error(lineNumber, "expected 'statement ok', 'statement error [SQLSTATE]' or 'statement count <n>'");
      }
      Body body = readBody(lineNumber);
      switch (words[1]) {
        case "ok" -> {
          expectWordCount(lineNumber, words, 2, 2, "statement ok");
          body.expectNoResult(words[1]);
          return new StatementRecord(lineNumber, conditions, body.sql);
        }
        case "count" -> {
          expectWordCount(lineNumber, words, 3, 3, "statement count <n>");
          body.expectNoResult(words[1]);
          long count;
          try {
            count = Long.parseLong(words[2]);
          } catch (NumberFormatException e) {
            throw error(lineNumber, "statement count needs a number, not '" + words[2] + "'");
          }
          if (count < 0) {
            throw error(lineNumber, "statement count must not be negative");
          }
          return new StatementCountRecord(lineNumber, conditions, body.sql, count);
        }
        case "error" -> {
          expectWordCount(lineNumber, words, 2, 3, "statement error [SQLSTATE]");
          Optional<String> sqlState = Optional.empty();
          if (words.length == 3) {
            if (!SQL_STATE.matcher(words[2]).matches()) {
              throw error(
                  lineNumber,
                  "'" + words[2] + "' is not an SQLState: give 5 characters (42S02) or a 2-character class (42)");
            }
            sqlState = Optional.of(words[2]);
          }
          Optional<String> message = Optional.empty();
          if (body.hasResult) {
            if (body.result.size() != 1 || body.result.get(0).isEmpty()) {
              throw error(lineNumber, "statement error takes exactly one message line after ----");
            }
            message = Optional.of(body.result.get(0));
          }
          return new StatementErrorRecord(lineNumber, conditions, body.sql, sqlState, message);
        }
        default -> throw error(lineNumber, "unknown statement kind '" + words[1] + "'; use ok, error or count");
      }
    }

    private QueryRecord query(int lineNumber, String[] words, List<BackendCondition> conditions) {
      expectWordCount(lineNumber, words, 2, 4, "query <types> [nosort|rowsort|valuesort] [label]");
      List<ColumnType> types = new ArrayList<>();
      for (char letter : words[1].toCharArray()) {
        ColumnType type = ColumnType.ofLetter(letter);
        if (type == null) {
          throw error(lineNumber, "unknown column type '" + letter + "' in '" + words[1] + "'; use I, R, T, B or D");
        }
        types.add(type);
      }
      SortMode sortMode = SortMode.NOSORT;
      if (words.length >= 3) {
        sortMode = SortMode.ofKeyword(words[2]);
        if (sortMode == null) {
          throw error(lineNumber, "unknown sort mode '" + words[2] + "'; use nosort, rowsort or valuesort");
        }
      }
      Optional<String> label = words.length == 4 ? Optional.of(words[3]) : Optional.empty();
      Body body = readBody(lineNumber);
      return new QueryRecord(lineNumber, conditions, body.sql, types, sortMode, label, body.result);
    }

    /** Reads the lines after a header up to the next blank line (or the end), split at {@code ----}. */
    private Body readBody(int headerLine) {
      List<String> sql = new ArrayList<>();
      List<String> result = new ArrayList<>();
      boolean hasResult = false;
      while (next < lines.length && !lines[next].isBlank()) {
        // Trailing blanks are invisible in editors and never meaningful here.
        String line = lines[next++].stripTrailing();
        if (hasResult) {
          result.add(line); // '#' is data here: a value may start with it
        } else if (line.equals(SEPARATOR)) {
          hasResult = true;
        } else if (!line.stripLeading().startsWith("#")) {
          sql.add(line);
        }
      }
      if (sql.isEmpty()) {
        throw error(headerLine, "record has no SQL");
      }
      return new Body(headerLine, String.join("\n", sql), hasResult, result);
    }

    private void expectWordCount(int lineNumber, String[] words, int min, int max, String usage) {
      if (words.length < min || words.length > max) {
        throw error(lineNumber, "expected '" + usage + "' but found '" + String.join(" ", words) + "'");
      }
    }

    private IllegalArgumentException error(int lineNumber, String message) {
      return new IllegalArgumentException(path + ":" + lineNumber + ": " + message);
    }

    /** The SQL and the optional part after {@code ----} of one record. */
    private final class Body {
      final int headerLine;
      final String sql;
      final boolean hasResult;
      final List<String> result;

      Body(int headerLine, String sql, boolean hasResult, List<String> result) {
        this.headerLine = headerLine;
        this.sql = sql;
        this.hasResult = hasResult;
        this.result = result;
      }

      void expectNoResult(String kind) {
        if (hasResult) {
          throw error(headerLine, "statement " + kind + " takes no ---- section");
        }
      }
    }
  }
}
