/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.delta.kernel.types.StructType;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DmlScope;
import io.onelake.delta.DeltaTableStats;
import io.onelake.delta.DeltaWriter;
import io.onelake.delta.ReadScope;
import io.onelake.delta.TableDefinitionChange;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The steps DELETE, UPDATE and MERGE share, in the manner of Delta's own commands: pin the read
 * version, find the data files that hold rows in the statement's scope, rewrite just those files, and
 * commit the removes and adds once, checked against concurrent commits (WriteSerializable).
 */
final class RowLevelChange {
  private final Session session;
  private final DeltaTable target;
  private final DataContext context;
  private final Snapshot snapshot;
  /** The schema rows are written in: the table's, or the one a MERGE gives it. */
  private final StructType writeSchema;

  private RowLevelChange(Session session, DeltaTable target, DataContext context, Snapshot snapshot,
      StructType writeSchema) {
    this.session = session;
    this.target = target;
    this.context = context;
    this.snapshot = snapshot;
    this.writeSchema = writeSchema;
  }

  /** Starts a statement: its read version is the table's current version. */
  static RowLevelChange begin(Session session, DeltaTable target, DataContext context,
      String statement) {
    return begin(session, target, context, statement, Optional.empty());
  }

  /**
   * Starts a statement that writes its rows in {@code newSchema} when present (a MERGE that adds
   * columns); the commit then changes the table's schema too.
   */
  static RowLevelChange begin(Session session, DeltaTable target, DataContext context,
      String statement, Optional<StructType> newSchema) {
    requireNonNull(session, "session");
    requireNonNull(target, "target");
    requireNonNull(context, "context");
    if (session.batch().isActive()) {
      // Its files would be those of the table before the staged statements; refuse rather than guess.
      throw OneLakeException.unsupported(statement + " inside a JDBC batch or a transaction");
    }
    Snapshot snapshot = TargetVersion.current(session, target);
    TargetVersion.checkRowLevelChangesAllowed(snapshot, target, statement);
    // Every query of this execution, subqueries on the target included, reads this version.
    session.catalog().executionSnapshots().pin(context, snapshot);
    return new RowLevelChange(session, target, context, snapshot,
        newSchema.orElse(snapshot.getSchema()));
  }

  Snapshot snapshot() {
    return snapshot;
  }

  StructType writeSchema() {
    return writeSchema;
  }

  DeltaTable target() {
    return target;
  }

  /**
   * Runs a query that yields the data file of each row in scope over the files of {@code scope}, and
   * counts the rows per file.
   */
  Map<String, Long> countsPerFile(QueryRows query, DmlScope scope) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Enumerator<Object> rows = query.rows(context, Map.of(DmlScope.VARIABLE, scope)).enumerator()) {
      while (rows.moveNext()) {
        counts.merge((String) rows.current(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The rows of {@code query} over just these data files; the caller closes the enumerator. */
  Enumerator<Object> rows(QueryRows query, Set<String> files) {
    return query.rows(context, Map.of(DmlScope.VARIABLE, DmlScope.onlyFiles(files))).enumerator();
  }

  /**
   * Writes the rows that stay of the files that lose {@code removed} rows each: a file whose live rows
   * (by its statistics) all go is not read again; the others are read through {@code survivors} (the
   * table's columns of the rows to keep). Returns the number of rows copied.
   */
  long copySurvivors(DeltaWriter writer, QueryRows survivors, Map<String, Long> removed,
      String statement) {
    Map<String, Long> live = DeltaTableStats.liveRows(session.lake().engine(), snapshot, removed.keySet());
    Set<String> rewritten = new HashSet<>();
    long expected = 0;
    for (Map.Entry<String, Long> file : removed.entrySet()) {
      Long rows = live.get(file.getKey());
      if (rows == null || rows > file.getValue()) {
        rewritten.add(file.getKey());
        expected += rows == null ? 0 : rows - file.getValue();
      }
    }
    if (rewritten.isEmpty()) {
      return 0;
    }
    KernelRowConverter converter =
        converter(types(survivors, 0, survivors.rowType().getFieldCount()), false);
    long copied = 0;
    try (Enumerator<Object> rows = rows(survivors, rewritten)) {
      while (rows.moveNext()) {
        writer.write(converter.convert(rows.current()));
        copied++;
      }
    }
    if (live.keySet().containsAll(rewritten) && copied != expected) {
      // The condition gave a different answer the second time (e.g. RAND()): refuse to guess.
      throw new OneLakeException(OneLakeException.DATA, "The " + statement + " condition is not "
          + "deterministic: " + sum(removed) + " rows matched it first, but " + copied + " of the "
          + "other " + expected + " rows were kept when the files were rewritten");
    }
    return copied;
  }

  /**
   * A writer for the statement's commit. A concurrent commit conflicts if it removed one of
   * {@code readFiles} or added rows that {@code scopeQuery} (a query of rows' data files) finds.
   */
  DeltaWriter writer(Set<String> readFiles, QueryRows scopeQuery) {
    Set<String> read = Set.copyOf(readFiles);
    ReadScope scope = new ReadScope() {
      @Override
      public Set<String> readFiles() {
        return read;
      }

      @Override
      public boolean touchesRows(Snapshot latest, Set<String> addedFiles) {
        session.catalog().executionSnapshots().pin(context, latest);
        return !countsPerFile(scopeQuery, DmlScope.onlyFiles(addedFiles)).isEmpty();
      }
    };
    TableDefinitionChange change = writeSchema.equals(snapshot.getSchema())
        ? TableDefinitionChange.none() : TableDefinitionChange.schema(writeSchema);
    return DeltaWriter.rewrite(session.lake(), snapshot, session.settings().writeOptions(), scope,
        change);
  }

  /** A converter for rows of the given SQL types into the columns rows are written in. */
  KernelRowConverter converter(List<RelDataType> types, boolean safe) {
    return new KernelRowConverter(writeSchema, types, session.timeZone(), safe);
  }

  /** The SQL types of the fields {@code from} (inclusive) to {@code to} (exclusive) of a query. */
  static List<RelDataType> types(QueryRows query, int from, int to) {
    return query.rowType().getFieldList().subList(from, to).stream()
        .map(RelDataTypeField::getType).toList();
  }

  static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
