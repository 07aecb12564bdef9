/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import java.util.Optional;

/** Table-level numbers taken from the Delta log (file statistics), without reading data files. */
public final class DeltaTableStats {
  private DeltaTableStats() {}

  /**
   * The number of rows, summed from the {@code numRecords} statistics of the live files; empty if a
   * file has no statistics. Files with deletion vectors count their live rows only.
   */
  public static Optional<Long> rowCount(Engine engine, Snapshot snapshot) {
    long[] total = {0};
    boolean[] complete = {true};
    LiveFiles.forEach(engine, snapshot, add -> {
      Optional<Long> records = add.getNumRecords();
      if (records.isEmpty()) {
        complete[0] = false;
        return false;
      }
      long deleted = add.getDeletionVector().map(dv -> (long) dv.getCardinality()).orElse(0L);
      total[0] += records.get() - deleted;
      return true;
    });
    return complete[0] ? Optional.of(total[0]) : Optional.empty();
  }

  /** Whether any live file holds a row; stops at the first one (files without statistics count). */
  public static boolean hasRows(Engine engine, Snapshot snapshot) {
    boolean[] found = {false};
    LiveFiles.forEach(engine, snapshot, add -> {
      long deleted = add.getDeletionVector().map(dv -> (long) dv.getCardinality()).orElse(0L);
      found[0] = add.getNumRecords().map(records -> records - deleted > 0).orElse(true);
      return !found[0];
    });
    return found[0];
  }
}
