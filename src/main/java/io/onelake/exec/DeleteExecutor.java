/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DmlScope;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaWriter;
import java.util.Map;
import org.apache.calcite.DataContext;

/**
 * DELETE FROM t [WHERE p], copy-on-write as Delta's DeleteCommand: the files that hold matching rows
 * are found first (files pruned by partition values and statistics are never read); a file whose rows
 * all match is removed without being read again, the others are rewritten without the matching rows;
 * removes and adds are committed once. Returns the number of deleted rows.
 */
public final class DeleteExecutor {
  private final Session session;

  public DeleteExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(DeleteSpec spec, DataContext context) {
    RowLevelChange change = RowLevelChange.begin(session, spec.target(), context, "DELETE");
    Map<String, Long> deleted = change.countsPerFile(spec.deletedPerFile(), DmlScope.allFiles());
    if (deleted.isEmpty()) {
      return 0;
    }
    long total = RowLevelChange.sum(deleted);
    try (DeltaWriter writer = change.writer(deleted.keySet(), spec.deletedPerFile())) {
      long copied = change.copySurvivors(writer, spec.survivors(), deleted, "DELETE");
      writer.removeFiles(change.snapshot(), deleted.keySet());
      writer.label(new CommitLabel("DELETE", Map.of("predicate", spec.predicate()),
          Map.of("numDeletedRows", Long.toString(total), "numCopiedRows", Long.toString(copied)),
          false));
      writer.commit();
    }
    return total;
  }
}
