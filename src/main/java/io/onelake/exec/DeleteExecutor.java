/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.DmlScope;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

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
    Map<String, Long> live = change.liveRows(deleted.keySet());
    Set<String> rewritten = new HashSet<>();
    long expectedCopies = 0;
    for (Map.Entry<String, Long> file : deleted.entrySet()) {
      Long rows = live.get(file.getKey());
      if (rows == null || rows > file.getValue()) {
        rewritten.add(file.getKey());
        expectedCopies += rows == null ? 0 : rows - file.getValue();
      }
    }
    long total = RowLevelChange.sum(deleted);
    try (DeltaWriter writer = change.writer(deleted.keySet(), spec.deletedPerFile())) {
      long copied = 0;
      if (!rewritten.isEmpty()) {
        KernelRowConverter converter = change.converter(
            RowLevelChange.types(spec.survivors(), 0, spec.survivors().rowType().getFieldCount()), false);
        try (Enumerator<Object> rows = change.rows(spec.survivors(), rewritten)) {
          while (rows.moveNext()) {
            writer.write(converter.convert(rows.current()));
            copied++;
          }
        }
        if (live.keySet().containsAll(rewritten) && copied != expectedCopies) {
          // The condition gave a different answer the second time (e.g. RAND()): refuse to guess.
          throw new OneLakeException(OneLakeException.DATA, "The DELETE condition is not "
              + "deterministic: " + total
              + " rows matched, but " + copied + " of the other " + expectedCopies + " rows were kept");
        }
      }
      writer.removeFiles(change.snapshot(), deleted.keySet());
      writer.label(new CommitLabel("DELETE", Map.of("predicate", spec.predicate()),
          Map.of("numDeletedRows", Long.toString(total), "numCopiedRows", Long.toString(copied)),
          false));
      writer.commit();
    }
    return total;
  }
}
