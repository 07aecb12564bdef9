/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall-clock times of the session time zone, as Calcite carries zoneless timestamps (the local
 * date-time read as if it were UTC, in microseconds or milliseconds since the epoch), to and from
 * instants.
 */
public final class SessionTime {
  private SessionTime() {}

  /** The wall-clock time of an instant in the zone, both in microseconds since the epoch. */
  public static long toWallClockMicros(long epochMicros, ZoneId zone) {
    if (zone == ZoneOffset.UTC) {
      return epochMicros;
    }
    long epochSecond = Math.floorDiv(epochMicros, 1_000_000L);
    int offsetSeconds = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    return epochMicros + offsetSeconds * 1_000_000L;
  }

  /** The instant of a wall-clock time in the zone (the earlier one in a DST overlap), in microseconds. */
  public static long toEpochMicros(long wallClockMicros, ZoneId zone) {
    if (zone == ZoneOffset.UTC) {
      return wallClockMicros;
    }
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(wallClockMicros, 1_000_000L),
        (int) Math.floorMod(wallClockMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
    Instant instant = local.atZone(zone).toInstant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  /** The wall-clock time of an instant in the zone. */
  public static long toWallClockMillis(long epochMillis, ZoneId zone) {
    if (zone == ZoneOffset.UTC) {
      return epochMillis;
    }
    int offsetSeconds = zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
    return epochMillis + offsetSeconds * 1000L;
  }
}
