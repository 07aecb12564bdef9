/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DmlScope;
import io.onelake.delta.DeltaTableStats;
import io.onelake.delta.DeltaWriter;
import io.onelake.delta.ReadScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private RowLevelChange(Session session, DeltaTable target, DataContext context, Snapshot snapshot) {
    this.session = session;
    this.target = target;
    this.context = context;
    this.snapshot = snapshot;
  }

  /** Starts a statement: its read version is the table's current version. */
  static RowLevelChange begin(Session session, DeltaTable target, DataContext context,
      String statement) {
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
    return new RowLevelChange(session, target, context, snapshot);
  }

  Snapshot snapshot() {
    return snapshot;
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

  /** The live rows of these files according to their statistics (files without any are left out). */
  Map<String, Long> liveRows(Set<String> files) {
    return DeltaTableStats.liveRows(session.lake().engine(), snapshot, files);
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
    return DeltaWriter.rewrite(session.lake(), snapshot, session.settings().writeOptions(), scope);
  }

  /** A converter for rows of the given SQL types into the table's columns. */
  KernelRowConverter converter(List<RelDataType> types, boolean safe) {
    return new KernelRowConverter(snapshot.getSchema(), types, session.timeZone(), safe);
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
