/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** Walks the live data files of a snapshot, as Kernel's log replay yields them (with statistics). */
final class LiveFiles {
  private LiveFiles() {}

  /** Calls {@code visitor} for each live file until it returns false. */
  static void forEach(Engine engine, Snapshot snapshot, Predicate<AddFile> visitor) {
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(engine, true)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            if (!visitor.test(new AddFile(rows.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL)))) {
              return;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
