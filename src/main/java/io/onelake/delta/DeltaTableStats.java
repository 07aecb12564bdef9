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
import java.util.Optional;

/** Table-level numbers taken from the Delta log (file statistics), without reading data files. */
public final class DeltaTableStats {
  private DeltaTableStats() {}

  /**
   * The number of rows, summed from the {@code numRecords} statistics of the live files; empty if a
   * file has no statistics. Files with deletion vectors count their live rows only.
   */
  public static Optional<Long> rowCount(Engine engine, Snapshot snapshot) {
    long total = 0;
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(engine, true)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            AddFile add = new AddFile(rows.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
            Optional<Long> records = add.getNumRecords();
            if (records.isEmpty()) {
              return Optional.empty();
            }
            long deleted = add.getDeletionVector().map(dv -> (long) dv.getCardinality()).orElse(0L);
            total += records.get() - deleted;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(total);
  }
}
