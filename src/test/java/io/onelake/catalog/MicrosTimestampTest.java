/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;

class MicrosTimestampTest {
  private static final LocalDateTime AFTER = LocalDateTime.parse("2024-03-01T12:34:56.123456");
  private static final LocalDateTime BEFORE = LocalDateTime.parse("1969-12-31T23:59:59.000001");

  @Test
  void keepsTheWallClockTimeWithMicroseconds() {
    assertEquals(AFTER, MicrosTimestamp.of(AFTER).toLocalDateTime());
    assertEquals(BEFORE, MicrosTimestamp.of(BEFORE).toLocalDateTime());
    assertEquals(-999_999L, MicrosTimestamp.of(BEFORE).micros());
    assertEquals("1969-12-31 23:59:59.000001", MicrosTimestamp.of(BEFORE).toString());
  }

  @Test
  void calciteConvertsItToItsMillisecondsCutTowardsThePast() {
    // What Calcite's generated code does before it computes with a value of the column.
    assertEquals(1_709_296_496_123L, SqlFunctions.toLong(MicrosTimestamp.of(AFTER)));
    assertEquals(-1_000L, SqlFunctions.toLong(MicrosTimestamp.of(BEFORE)));
  }

  @Test
  void wallClockMicrosOfEveryRuntimeRepresentation() {
    assertEquals(-999_999L, MicrosTimestamp.wallClockMicros(MicrosTimestamp.of(BEFORE)));
    assertEquals(-1_000L * 1000, MicrosTimestamp.wallClockMicros(-1_000L));
    // A Timestamp Calcite makes from its milliseconds.
    assertEquals(-1_000_000L, MicrosTimestamp.wallClockMicros(SqlFunctions.internalToTimestamp(-1_000L)));
  }

  @Test
  void equalToValuesOfItsClassByMicrosecondsAndToCalcitesByMilliseconds() {
    MicrosTimestamp value = MicrosTimestamp.of(AFTER);
    assertEquals(value, MicrosTimestamp.of(AFTER));
    assertNotEquals(value, MicrosTimestamp.of(AFTER.plusNanos(1000)));
    assertTrue(value.compareTo(MicrosTimestamp.of(AFTER.plusNanos(1000))) < 0);
    Timestamp computed = SqlFunctions.internalToTimestamp(1_709_296_496_123L);
    assertEquals(computed, value);
    assertEquals(value, computed);
    assertEquals(computed.hashCode(), value.hashCode());
  }

  @Test
  void isImmutable() {
    MicrosTimestamp value = MicrosTimestamp.of(AFTER);
    assertThrows(UnsupportedOperationException.class, () -> value.setNanos(0));
    assertThrows(UnsupportedOperationException.class, () -> value.setTime(0L));
  }
}
