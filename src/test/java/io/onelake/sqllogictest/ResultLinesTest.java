/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLinesTest {
  private static final List<List<String>> ROWS =
      List.of(List.of("2", "bob"), List.of("10", "carol"), List.of("1", "alice"));

  @Test
  void nosortKeepsTheOrder() {
    assertEquals(List.of("2\tbob", "10\tcarol", "1\talice"), ResultLines.actual(ROWS, SortMode.NOSORT));
    assertEquals(List.of("b", "a"), ResultLines.expected(List.of("b", "a"), SortMode.NOSORT));
    assertNotEquals(
        ResultLines.expected(List.of("1\talice", "2\tbob", "10\tcarol"), SortMode.NOSORT),
        ResultLines.actual(ROWS, SortMode.NOSORT));
  }

  @Test
  void rowsortSortsRowsAsTextOnBothSides() {
    List<String> actual = ResultLines.actual(ROWS, SortMode.ROWSORT);
    // Text order, not numeric: "10" sorts before "2".
    assertEquals(List.of("1\talice", "10\tcarol", "2\tbob"), actual);
    assertEquals(actual, ResultLines.expected(List.of("2\tbob", "1\talice", "10\tcarol"), SortMode.ROWSORT));
  }

  @Test
  void rowsortComparesAsMultiset() {
    List<List<String>> twice = List.of(List.of("1"), List.of("1"));
    assertNotEquals(ResultLines.expected(List.of("1"), SortMode.ROWSORT), ResultLines.actual(twice, SortMode.ROWSORT));
    assertEquals(
        ResultLines.expected(List.of("1", "1"), SortMode.ROWSORT), ResultLines.actual(twice, SortMode.ROWSORT));
  }

  @Test
  void valuesortIgnoresRowBoundaries() {
    List<String> actual = ResultLines.actual(ROWS, SortMode.VALUESORT);
    assertEquals(List.of("1", "10", "2", "alice", "bob", "carol"), actual);
    assertEquals(actual, ResultLines.expected(List.of("alice\tbob\tcarol", "1\t2\t10"), SortMode.VALUESORT));
    assertEquals(
        actual, ResultLines.expected(List.of("alice", "bob", "carol", "1", "2", "10"), SortMode.VALUESORT));
  }

  @Test
  void trailingWhitespaceIsIgnoredOnBothSides() {
    List<List<String>> rows = List.of(List.of("a ", "b  "));
    assertEquals(List.of("a \tb"), ResultLines.actual(rows, SortMode.NOSORT));
    assertEquals(List.of("a \tb"), ResultLines.expected(List.of("a \tb\t "), SortMode.NOSORT));
    assertEquals(List.of("a", "b"), ResultLines.actual(rows, SortMode.VALUESORT));
  }

  @Test
  void emptyResult() {
    assertEquals(List.of(), ResultLines.actual(List.of(), SortMode.ROWSORT));
    assertEquals(List.of(), ResultLines.expected(List.of(), SortMode.VALUESORT));
  }
}
