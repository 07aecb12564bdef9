/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall-clock times of the session time zone, as Calcite carries zoneless timestamps (milliseconds of
 * the local date-time read as if it were UTC), to and from instants.
 */
public final class SessionTime {
  private SessionTime() {}

  /** The instant of a wall-clock time in the zone (the earlier one in a DST overlap). */
  public static long toEpochMillis(long wallClockMillis, ZoneId zone) {
    if (zone == ZoneOffset.UTC) {
      return wallClockMillis;
    }
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(wallClockMillis, 1000L),
        (int) Math.floorMod(wallClockMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    return local.atZone(zone).toInstant().toEpochMilli();
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
