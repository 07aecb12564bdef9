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
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * MERGE INTO t USING s ON c WHEN ..., as Delta's MergeIntoCommand: the target files that hold a row
 * matching the source (or changed by a NOT MATCHED BY SOURCE clause) are found first; then target and
 * source are joined over just those files, the first clause that applies decides each row's fate, and
 * the files are rewritten with the updated, kept and inserted rows, in one commit. A target row that
 * more than one source row would change is an error (SQLState 21000), as in Delta. A MERGE with only
 * INSERT clauses rewrites nothing: it appends the source rows that match no target row.
 */
public final class MergeExecutor {
  private static final int FILE = 0;
  private static final int ROW_INDEX = 1;
  private static final int FIRST_COLUMN = 2;

  private final Session session;

  public MergeExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(MergeSpec spec, DataContext context) {
    RowLevelChange change =
        RowLevelChange.begin(session, spec.target(), context, "MERGE", spec.newSchema());
    Set<String> touched = spec.insertOnly() ? Set.of()
        : change.countsPerFile(spec.touchedFiles(), DmlScope.allFiles()).keySet();
    int columns = change.writeSchema().length();
    List<RelDataType> targetTypes = RowLevelChange.types(spec.changes(), FIRST_COLUMN,
        FIRST_COLUMN + columns);
    KernelRowConverter keep = change.converter(targetTypes, false);
    List<KernelRowConverter> converters = new ArrayList<>();
    for (MergeSpec.Clause clause : spec.clauses()) {
      List<RelDataType> types = new ArrayList<>(targetTypes);
      int[] set = clause.columns();
      List<RelDataType> valueTypes = RowLevelChange.types(spec.changes(), clause.firstValue(),
          clause.firstValue() + set.length);
      for (int i = 0; i < set.length; i++) {
        types.set(set[i], valueTypes.get(i));
      }
      converters.add(change.converter(types, spec.safeCast()));
    }
    long inserted = 0;
    long updated = 0;
    long deleted = 0;
    long copied = 0;
    // Which rows of each touched file were seen, and which of them a clause changed.
    Map<String, BitSet> seen = new HashMap<>();
    Map<String, BitSet> changed = new HashMap<>();
    try (DeltaWriter writer = change.writer(touched, spec.touchedFiles())) {
      if (!spec.insertOnly() && touched.isEmpty() && !hasInsertClause(spec)) {
        return 0;
      }
      DmlScope scope = spec.insertOnly() ? DmlScope.allFiles() : DmlScope.onlyFiles(touched);
      try (Enumerator<Object> rows = spec.changes().rows(context, Map.of(DmlScope.VARIABLE, scope))
          .enumerator()) {
        while (rows.moveNext()) {
          Object[] row = (Object[]) rows.current();
          int action = ((Number) row[row.length - 1]).intValue();
          String file = (String) row[FILE];
          if (file != null) {
            if (spec.insertOnly()) {
              continue; // a matched target row: insert clauses do not apply, and nothing is rewritten
            }
            int index = Math.toIntExact(((Number) row[ROW_INDEX]).longValue());
            BitSet fileSeen = seen.computeIfAbsent(file, f -> new BitSet());
            BitSet fileChanged = changed.computeIfAbsent(file, f -> new BitSet());
            if (fileSeen.get(index)) {
              if (action != MergeSpec.KEEP || fileChanged.get(index)) {
                throw new OneLakeException(OneLakeException.CARDINALITY, "MERGE: a row of "
                    + spec.target().id().displayName() + " matches more than one source row, so it "
                    + "cannot be updated or deleted unambiguously; make the source rows unique per "
                    + "target row");
              }
              continue; // the same unchanged target row, joined with another source row
            }
            fileSeen.set(index);
            if (action == MergeSpec.KEEP) {
              writer.write(keep.convert(slice(row, FIRST_COLUMN, columns)));
              copied++;
              continue;
            }
            fileChanged.set(index);
          } else if (action == MergeSpec.SKIP || action == MergeSpec.KEEP) {
            continue;
          }
          MergeSpec.Clause clause = spec.clauses().get(action);
          switch (clause.kind()) {
            case DELETE:
              deleted++;
              break;
            case UPDATE:
              writer.write(converters.get(action).convert(apply(clause,
                  slice(row, FIRST_COLUMN, columns), row)));
              updated++;
              break;
            case INSERT:
              writer.write(converters.get(action).convert(apply(clause, new Object[columns], row)));
              inserted++;
              break;
            default:
              throw new IllegalStateException("unknown clause kind " + clause.kind());
          }
        }
      }
      if (inserted + updated + deleted == 0) {
        return 0;
      }
      if (!touched.isEmpty()) {
        writer.removeFiles(change.snapshot(), touched);
      }
      Map<String, String> metrics = new LinkedHashMap<>();
      metrics.put("numTargetRowsInserted", Long.toString(inserted));
      metrics.put("numTargetRowsUpdated", Long.toString(updated));
      metrics.put("numTargetRowsDeleted", Long.toString(deleted));
      metrics.put("numTargetRowsCopied", Long.toString(copied));
      metrics.put("numOutputRows", Long.toString(inserted + updated + copied));
      writer.label(new CommitLabel("MERGE", Map.of("predicate", spec.predicate()), metrics, false));
      writer.commit();
    }
    return inserted + updated + deleted;
  }

  private static boolean hasInsertClause(MergeSpec spec) {
    return spec.clauses().stream().anyMatch(c -> c.kind() == MergeSpec.Kind.INSERT);
  }

  private static Object[] slice(Object[] row, int from, int length) {
    Object[] values = new Object[length];
    System.arraycopy(row, from, values, 0, length);
    return values;
  }

  /** The clause's values written into {@code values} (the row's columns in table order). */
  private static Object[] apply(MergeSpec.Clause clause, Object[] values, Object[] row) {
    int[] set = clause.columns();
    for (int i = 0; i < set.length; i++) {
      values[set[i]] = row[clause.firstValue() + i];
    }
    return values;
  }
}
