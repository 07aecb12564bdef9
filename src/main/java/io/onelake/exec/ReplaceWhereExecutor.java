/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.DmlScope;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaWriter;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * INSERT INTO t REPLACE WHERE p SELECT ... (Delta's selective overwrite): in one commit, the rows that
 * match {@code p} are removed — whole files where all their rows match, by rewriting the others — and
 * the new rows are added. A new row that does not match {@code p} fails the statement (SQLState 44000,
 * as Delta's replaceWhere check) and nothing is written. Returns the number of rows inserted.
 */
public final class ReplaceWhereExecutor {
  /** SQL's "with check option violation": a written row outside the statement's own predicate. */
  static final String CHECK_VIOLATION = "44000";

  private final Session session;

  public ReplaceWhereExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(ReplaceWhereSpec spec, DataContext context) {
    RowLevelChange change =
        RowLevelChange.begin(session, spec.target(), context, "INSERT ... REPLACE WHERE");
    Map<String, Long> replaced = change.countsPerFile(spec.replacedPerFile(), DmlScope.allFiles());
    int columns = change.snapshot().getSchema().length();
    long inserted = 0;
    try (DeltaWriter writer = change.writer(replaced.keySet(), spec.replacedPerFile())) {
      change.copySurvivors(writer, spec.survivors(), replaced, "INSERT ... REPLACE WHERE");
      KernelRowConverter converter = change.converter(
          RowLevelChange.types(spec.newRows(), 0, columns), spec.safeCast());
      try (Enumerator<Object> rows = spec.newRows().rows(context).enumerator()) {
        while (rows.moveNext()) {
          Object[] row = (Object[]) rows.current();
          if (!Boolean.TRUE.equals(row[columns])) {
            throw new OneLakeException(CHECK_VIOLATION, "A row written by INSERT ... REPLACE WHERE "
                + "does not match the condition " + spec.predicate() + "; nothing was written");
          }
          Object[] values = new Object[columns];
          System.arraycopy(row, 0, values, 0, columns);
          writer.write(converter.convert(values));
          inserted++;
        }
      }
      if (!replaced.isEmpty()) {
        writer.removeFiles(change.snapshot(), replaced.keySet());
      }
      writer.label(new CommitLabel("WRITE", Map.of("mode", "Overwrite", "predicate", spec.predicate()),
          Map.of("numDeletedRows", Long.toString(RowLevelChange.sum(replaced))), false));
      writer.commit();
    }
    return inserted;
  }
}
