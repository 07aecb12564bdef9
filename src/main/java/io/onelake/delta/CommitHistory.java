/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.CommitRangeBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.util.VectorUtils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commits of a table still in its log, with what their {@code commitInfo} says (DESCRIBE
 * HISTORY): operation, parameters, metrics, blind-append flag and engine. Commits whose log files
 * were cleaned up after a checkpoint are not listed, as in Delta.
 */
public final class CommitHistory {
  /** The name of a commit file in {@code _delta_log/}; checkpoints and compacted logs differ. */
  static final java.util.regex.Pattern COMMIT_FILE = java.util.regex.Pattern.compile("\\d{20}\\.json");

  private CommitHistory() {}

  /** One commit. Values of commitInfo fields the writer left out are null (maps: empty). */
  public record Entry(long version, long timestampMillis, String operation,
      Map<String, String> operationParameters, Boolean blindAppend, Map<String, String> operationMetrics,
      String engineInfo) {
    public Entry {
      operationParameters = Map.copyOf(operationParameters);
      operationMetrics = Map.copyOf(operationMetrics);
    }
  }

  /** The commits up to {@code snapshot}'s version, oldest first. */
  public static List<Entry> read(DeltaLake lake, Snapshot snapshot) {
    requireNonNull(snapshot, "snapshot");
    Engine engine = lake.engine();
    long first = earliestCommit(lake, snapshot);
    List<Entry> entries = new ArrayList<>();
    try (CloseableIterator<ColumnarBatch> batches = TableManager
        .loadCommitRange(snapshot.getPath(), CommitRangeBuilder.CommitBoundary.atVersion(first))
        .withEndBoundary(CommitRangeBuilder.CommitBoundary.atVersion(snapshot.getVersion()))
        .build(engine)
        .getActions(engine, Set.of(DeltaAction.COMMITINFO))) {
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        ColumnVector versions = batch.getColumnVector(0);
        ColumnVector timestamps = batch.getColumnVector(1);
        ColumnVector info = batch.getColumnVector(batch.getSchema().indexOf(DeltaAction.COMMITINFO.colName));
        for (int row = 0; row < batch.getSize(); row++) {
          if (info.isNullAt(row)) {
            continue;
          }
          entries.add(new Entry(versions.getLong(row), timestamps.getLong(row),
              string(info, "operation", row), map(info, "operationParameters", row),
              bool(info, "isBlindAppend", row), map(info, "operationMetrics", row),
              string(info, "engineInfo", row)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** The first version whose commit file is still in the log. */
  private static long earliestCommit(DeltaLake lake, Snapshot snapshot) {
    String log = snapshot.getPath() + "/_delta_log/";
    try (CloseableIterator<FileStatus> files = lake.fileIO().listFrom(log + "00000000000000000000")) {
      while (files.hasNext()) {
        String path = files.next().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (COMMIT_FILE.matcher(name).matches()) {
          return Math.min(Long.parseLong(name.substring(0, 20)), snapshot.getVersion());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return snapshot.getVersion();
  }

  private static ColumnVector child(ColumnVector info, String field) {
    return info.getChild(DeltaAction.COMMITINFO.schema.indexOf(field));
  }

  private static String string(ColumnVector info, String field, int row) {
    ColumnVector vector = child(info, field);
    return vector.isNullAt(row) ? null : vector.getString(row);
  }

  private static Boolean bool(ColumnVector info, String field, int row) {
    ColumnVector vector = child(info, field);
    return vector.isNullAt(row) ? null : vector.getBoolean(row);
  }

  private static Map<String, String> map(ColumnVector info, String field, int row) {
    ColumnVector vector = child(info, field);
    return vector.isNullAt(row) ? Map.of() : VectorUtils.toJavaMap(vector.getMap(row));
  }
}
