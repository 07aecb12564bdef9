/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.CommitRangeBuilder;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commits that landed between a statement's read version and the latest version, as far as the
 * WriteSerializable check needs them: files added and removed, metadata or protocol changes, and
 * whether each was a blind append. Delta's own conflict rules (Spark's ConflictChecker) decide which of
 * them conflict with a row-level statement; Kernel 4.4 only checks delete-vs-delete.
 */
final class WinningCommits {
  private final List<Commit> commits;

  private WinningCommits(List<Commit> commits) {
    this.commits = List.copyOf(commits);
  }

  /** Reads versions {@code fromVersion} to {@code latest.getVersion()}, both included. */
  static WinningCommits read(Engine engine, Snapshot latest, long fromVersion) {
    requireNonNull(latest, "latest");
    Map<Long, Commit> byVersion = new LinkedHashMap<>();
    if (fromVersion > latest.getVersion()) {
      return new WinningCommits(List.of());
    }
    try (CloseableIterator<ColumnarBatch> batches = TableManager
        .loadCommitRange(latest.getPath(), CommitRangeBuilder.CommitBoundary.atVersion(fromVersion))
        .withEndBoundary(CommitRangeBuilder.CommitBoundary.atVersion(latest.getVersion()))
        .build(engine)
        .getActions(engine, Set.of(DeltaAction.ADD, DeltaAction.REMOVE, DeltaAction.METADATA,
            DeltaAction.PROTOCOL, DeltaAction.COMMITINFO))) {
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        ColumnVector versions = batch.getColumnVector(0);
        ColumnVector adds = column(batch, DeltaAction.ADD);
        ColumnVector removes = column(batch, DeltaAction.REMOVE);
        ColumnVector metadata = column(batch, DeltaAction.METADATA);
        ColumnVector protocol = column(batch, DeltaAction.PROTOCOL);
        ColumnVector commitInfo = column(batch, DeltaAction.COMMITINFO);
        for (int row = 0; row < batch.getSize(); row++) {
          Commit commit = byVersion.computeIfAbsent(versions.getLong(row), Commit::new);
          if (!adds.isNullAt(row) && dataChange(adds, DeltaAction.ADD, row)) {
            commit.added.add(string(adds, DeltaAction.ADD, "path", row));
          }
          if (!removes.isNullAt(row) && dataChange(removes, DeltaAction.REMOVE, row)) {
            commit.removed.add(string(removes, DeltaAction.REMOVE, "path", row));
          }
          if (!metadata.isNullAt(row) || !protocol.isNullAt(row)) {
            commit.changesDefinition = true;
          }
          if (!commitInfo.isNullAt(row)) {
            ColumnVector blind = commitInfo.getChild(DeltaAction.COMMITINFO.schema.indexOf("isBlindAppend"));
            commit.blindAppend = !blind.isNullAt(row) && blind.getBoolean(row);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WinningCommits(new ArrayList<>(byVersion.values()));
  }

  /**
   * The first commit that conflicts with a statement that read {@code scope} at an earlier version,
   * and why; empty if the statement can be committed on top of all of them.
   */
  Optional<Conflict> firstConflict(Snapshot latest, ReadScope scope) {
    for (Commit commit : commits) {
      if (commit.changesDefinition) {
        return Optional.of(new Conflict(commit.version, "it changed the table's schema or protocol"));
      }
      for (String removed : commit.removed) {
        if (scope.readFiles().contains(removed)) {
          return Optional.of(new Conflict(commit.version,
              "it changed or deleted rows of data file " + removed + " that this statement read"));
        }
      }
    }
    // Rows added by blind appends are serialized after this statement (Delta's WriteSerializable).
    Set<String> added = new HashSet<>();
    for (Commit commit : commits) {
      if (!commit.blindAppend) {
        added.addAll(commit.added);
      }
    }
    if (!added.isEmpty() && scope.touchesRows(latest, added)) {
      long version = commits.stream().filter(c -> !c.blindAppend && !c.added.isEmpty())
          .mapToLong(c -> c.version).min().orElseThrow();
      return Optional.of(new Conflict(version, "it added rows this statement would have changed"));
    }
    return Optional.empty();
  }

  record Conflict(long version, String reason) {}

  private static ColumnVector column(ColumnarBatch batch, DeltaAction action) {
    return batch.getColumnVector(batch.getSchema().indexOf(action.colName));
  }

  private static boolean dataChange(ColumnVector actions, DeltaAction action, int row) {
    ColumnVector dataChange = actions.getChild(action.schema.indexOf("dataChange"));
    return dataChange.isNullAt(row) || dataChange.getBoolean(row);
  }

  private static String string(ColumnVector actions, DeltaAction action, String field, int row) {
    return actions.getChild(action.schema.indexOf(field)).getString(row);
  }

  /** One winning commit. */
  private static final class Commit {
    final long version;
    final Set<String> added = new HashSet<>();
    final Set<String> removed = new HashSet<>();
    boolean changesDefinition;
    boolean blindAppend;

    Commit(long version) {
      this.version = version;
    }
  }
}
