/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.DmlScope;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * UPDATE t SET c = e, ... [WHERE p], copy-on-write as Delta's UpdateCommand: the files that hold
 * matching rows are found first, then rewritten with the updated rows changed and the others copied;
 * an updated partition column moves the row to its new partition. New values are checked as INSERT
 * checks them (NOT NULL 23502, range 22003, or NULL under onelake_safe_cast). Returns the number of
 * updated rows.
 */
public final class UpdateExecutor {
  private final Session session;

  public UpdateExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(UpdateSpec spec, DataContext context) {
    RowLevelChange change = RowLevelChange.begin(session, spec.target(), context, "UPDATE");
    Map<String, Long> matched = change.countsPerFile(spec.updatedPerFile(), DmlScope.allFiles());
    if (matched.isEmpty()) {
      return 0;
    }
    int[] setColumns = spec.setColumns();
    int columns = change.snapshot().getSchema().length();
    int hitOrdinal = setColumns.length;
    int oldStart = hitOrdinal + 1;
    List<RelDataType> oldTypes = RowLevelChange.types(spec.rewrite(), oldStart, oldStart + columns);
    List<RelDataType> newTypes = new ArrayList<>(oldTypes);
    List<RelDataType> valueTypes = RowLevelChange.types(spec.rewrite(), 0, hitOrdinal);
    for (int i = 0; i < setColumns.length; i++) {
      newTypes.set(setColumns[i], valueTypes.get(i));
    }
    KernelRowConverter keep = change.converter(oldTypes, false);
    KernelRowConverter update = change.converter(newTypes, spec.safeCast());
    long expected = RowLevelChange.sum(matched);
    long updated = 0;
    long copied = 0;
    try (DeltaWriter writer = change.writer(matched.keySet(), spec.updatedPerFile())) {
      try (Enumerator<Object> rows = change.rows(spec.rewrite(), matched.keySet())) {
        while (rows.moveNext()) {
          Object[] row = (Object[]) rows.current();
          Object[] values = new Object[columns];
          System.arraycopy(row, oldStart, values, 0, columns);
          if (Boolean.TRUE.equals(row[hitOrdinal])) {
            for (int i = 0; i < setColumns.length; i++) {
              values[setColumns[i]] = row[i];
            }
            writer.write(update.convert(values));
            updated++;
          } else {
            writer.write(keep.convert(values));
            copied++;
          }
        }
      }
      if (updated != expected) {
        throw new OneLakeException(OneLakeException.DATA, "The UPDATE condition is not deterministic: "
            + expected + " rows matched it first, " + updated + " when they were rewritten");
      }
      writer.removeFiles(change.snapshot(), matched.keySet());
      writer.label(new CommitLabel("UPDATE", Map.of("predicate", spec.predicate()),
          Map.of("numUpdatedRows", Long.toString(updated), "numCopiedRows", Long.toString(copied)),
          false));
      writer.commit();
    }
    return updated;
  }
}
