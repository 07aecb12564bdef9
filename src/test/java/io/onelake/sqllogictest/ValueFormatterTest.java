/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static io.onelake.sqllogictest.ColumnType.BOOLEAN;
import static io.onelake.sqllogictest.ColumnType.DATETIME;
import static io.onelake.sqllogictest.ColumnType.INTEGER;
import static io.onelake.sqllogictest.ColumnType.REAL;
import static io.onelake.sqllogictest.ColumnType.TEXT;
import static io.onelake.sqllogictest.ValueFormatter.format;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
  @Test
  void nullAndEmpty() {
    for (ColumnType type : ColumnType.values()) {
      assertEquals("NULL", format(type, null));
      assertEquals("(empty)", format(type, ""));
      assertEquals("(empty)", format(type, new byte[0]));
    }
  }

  @Test
  void booleans() {
    assertEquals("true", format(BOOLEAN, true));
    assertEquals("false", format(BOOLEAN, Boolean.FALSE));
    assertEquals("true", format(TEXT, true));
  }

  @Test
  void integers() {
    assertEquals("42", format(INTEGER, 42));
    assertEquals("-7", format(INTEGER, (byte) -7));
    assertEquals("300", format(INTEGER, (short) 300));
    assertEquals("9223372036854775807", format(INTEGER, Long.MAX_VALUE));
    assertEquals("123456789012345678901234567890", format(INTEGER, new BigInteger("123456789012345678901234567890")));
    // Decimals with zero scale, or zeros after the point, print as integers in I columns.
    assertEquals("12", format(INTEGER, new BigDecimal("12")));
    assertEquals("12", format(INTEGER, new BigDecimal("12.000")));
    assertEquals("1200", format(INTEGER, new BigDecimal("1.2E+3")));
    assertEquals("0", format(INTEGER, new BigDecimal("0.00")));
    assertEquals("3", format(INTEGER, 3.0d));
    // A fraction is printed as it is, so the mismatch is visible.
    assertEquals("12.50", format(INTEGER, new BigDecimal("12.50")));
  }

  @Test
  void decimalsKeepTheirScaleInRealColumns() {
    assertEquals("1.500", format(REAL, new BigDecimal("1.500")));
    assertEquals("1200", format(REAL, new BigDecimal("1.2E+3")));
    assertEquals("0.00000012", format(REAL, new BigDecimal("1.2E-7")));
    assertEquals("-3", format(REAL, new BigDecimal("-3")));
    assertEquals("5", format(REAL, 5));
  }

  @Test
  void doublesInShortestPlainForm() {
    assertEquals("2", format(REAL, 2.0d));
    assertEquals("0", format(REAL, -0.0d));
    assertEquals("0", format(REAL, 0.0d));
    assertEquals("1.5", format(REAL, 1.5d));
    assertEquals("0.1", format(REAL, 0.1d));
    assertEquals("0.30000000000000004", format(REAL, 0.1d + 0.2d));
    assertEquals("-2.25", format(REAL, -2.25d));
    assertEquals("100000000000000000000", format(REAL, 1e20d));
    assertEquals("0.00000015", format(REAL, 1.5e-7d));
    assertEquals("NaN", format(REAL, Double.NaN));
    assertEquals("Infinity", format(REAL, Double.POSITIVE_INFINITY));
    assertEquals("-Infinity", format(REAL, Double.NEGATIVE_INFINITY));
  }

  @Test
  void floatsUseTheirOwnShortestForm() {
    assertEquals("0.1", format(REAL, 0.1f));
    assertEquals("3", format(REAL, 3.0f));
    assertEquals("2.5", format(REAL, 2.5f));
  }

  @Test
  void textAndDatesAsReturned() {
    assertEquals("alice", format(TEXT, "alice"));
    assertEquals("  padded  ", format(TEXT, "  padded  "));
    assertEquals("NULL", format(TEXT, null));
    assertEquals("2024-01-02 03:04:05", format(DATETIME, "2024-01-02 03:04:05"));
    assertEquals("2024-01-02", format(DATETIME, java.sql.Date.valueOf("2024-01-02")));
  }

  @Test
  void tabsAndLineBreaksAreEscapedToKeepOneRowPerLine() {
    assertEquals("a\\tb\\nc\\r", format(TEXT, "a\tb\nc\r"));
  }

  @Test
  void bytesAsLowerCaseHex() {
    assertEquals("00ff7f10ab", format(TEXT, new byte[] {0, (byte) 0xFF, 0x7F, 0x10, (byte) 0xAB}));
    assertEquals("cafe", format(INTEGER, new byte[] {(byte) 0xCA, (byte) 0xFE}));
  }
}
