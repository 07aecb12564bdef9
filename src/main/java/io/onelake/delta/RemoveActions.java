/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.actions.SingleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Remove actions for the live files of a snapshot. Kernel 4.4 has no public API for them, so they are
 * built with its internal {@code AddFile.toRemoveFileRow}, as Delta's own Kernel-based connectors do
 * (the Kernel version is pinned for that reason). Removes keep size, partition values and statistics.
 */
final class RemoveActions {
  private RemoveActions() {}

  /** A remove for every file of the snapshot (INSERT OVERWRITE, TRUNCATE). */
  static List<Row> allFiles(Engine engine, Snapshot snapshot) {
    List<Row> removes = new ArrayList<>();
    Optional<Long> now = Optional.of(System.currentTimeMillis());
    LiveFiles.forEach(engine, snapshot, add -> removes.add(
        SingleAction.createRemoveFileSingleAction(add.toRemoveFileRow(true, now))));
    return removes;
  }

  /** A remove for each file of the snapshot named in {@code paths} (as the log names them). */
  static List<Row> files(Engine engine, Snapshot snapshot, Set<String> paths) {
    List<Row> removes = new ArrayList<>();
    Set<String> missing = new HashSet<>(paths);
    Optional<Long> now = Optional.of(System.currentTimeMillis());
    LiveFiles.forEach(engine, snapshot, add -> {
      if (missing.remove(add.getPath())) {
        removes.add(SingleAction.createRemoveFileSingleAction(add.toRemoveFileRow(true, now)));
      }
      return !missing.isEmpty();
    });
    if (!missing.isEmpty()) {
      throw new IllegalStateException("not live in version " + snapshot.getVersion() + ": " + missing);
    }
    return removes;
  }
}
