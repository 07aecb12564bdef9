/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.actions.AddFile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
      total[0] += records.get() - deleted(add);
      return true;
    });
    return complete[0] ? Optional.of(total[0]) : Optional.empty();
  }

  /**
   * The live rows of each named file (paths as the log names them), from its statistics; files
   * without a {@code numRecords} statistic are left out.
   */
  public static Map<String, Long> liveRows(Engine engine, Snapshot snapshot, Set<String> paths) {
    Map<String, Long> rows = new HashMap<>();
    LiveFiles.forEach(engine, snapshot, add -> {
      if (paths.contains(add.getPath())) {
        add.getNumRecords().ifPresent(records -> rows.put(add.getPath(), records - deleted(add)));
      }
      return true;
    });
    return rows;
  }

  private static long deleted(AddFile add) {
    return add.getDeletionVector().map(dv -> (long) dv.getCardinality()).orElse(0L);
  }

  /** Whether any live file holds a row; stops at the first one (files without statistics count). */
  public static boolean hasRows(Engine engine, Snapshot snapshot) {
    boolean[] found = {false};
    LiveFiles.forEach(engine, snapshot, add -> {
      found[0] = add.getNumRecords().map(records -> records - deleted(add) > 0).orElse(true);
      return !found[0];
    });
    return found[0];
  }
}
