/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Turns one JDBC value into the text a test file expects. The rules aim at text that is the same on every
 * backend and readable in a test file: {@code NULL}, {@code (empty)}, {@code true}/{@code false}, integers
 * without {@code .0}, decimals with their scale, doubles in their shortest exact form, bytes as hex.
 */
public final class ValueFormatter {
  public static final String NULL = "NULL";
  public static final String EMPTY = "(empty)";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ValueFormatter() {}

  /**
   * Formats a value read from a column of the given type.
   *
   * @param value what the runner read: {@code getString} for T and D columns, {@code getBytes} for binary
   *     columns, {@code getObject} otherwise; {@code null} for SQL NULL
   */
  public static String format(ColumnType type, Object value) {
    requireNonNull(type, "type");
    String text = formatNonEmpty(type, value);
    return text.isEmpty() ? EMPTY : text;
  }

  private static String formatNonEmpty(ColumnType type, Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof byte[] bytes) {
      return hex(bytes);
    }
    if (value instanceof Boolean bool) {
      return bool.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return formatDecimal(type, decimal);
    }
    if (value instanceof Double || value instanceof Float) {
      return formatFloatingPoint(((Number) value), value instanceof Float);
    }
    if (value instanceof Number number) {
      // Byte, Short, Integer, Long, BigInteger and the like print as plain integers already.
      return number.toString();
    }
    if (value instanceof String string) {
      return escape(string);
    }
    return escape(value.toString());
  }

  private static String formatDecimal(ColumnType type, BigDecimal decimal) {
    if (type == ColumnType.INTEGER) {
      BigDecimal stripped = decimal.stripTrailingZeros();
      if (stripped.scale() <= 0) {
        return stripped.toBigIntegerExact().toString();
      }
      // A fraction in an I column: print it whole so the mismatch shows what the database returned.
    }
    // R keeps the column's scale: DECIMAL(10,3) 1.5 prints as 1.500, which tests the scale as well.
    return decimal.toPlainString();
  }

  private static String formatFloatingPoint(Number number, boolean isFloat) {
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    // Float.toString gives the float's shortest form; widening to double first would print 0.1f as
    // 0.10000000149011612.
    BigDecimal exact = isFloat ? new BigDecimal(Float.toString(number.floatValue())) : BigDecimal.valueOf(d);
    BigDecimal stripped = exact.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0"; // also for -0.0
    }
    // Integral values print without a fraction (2.0 -> 2, 1e20 -> 100000000000000000000), others in their
    // shortest round-trip digits without exponent (1.5E-7 -> 0.00000015).
    return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
  }

  /** Tabs and line breaks would break the one-row-per-line, tab-separated layout, so they are escaped. */
  private static String escape(String text) {
    if (text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
