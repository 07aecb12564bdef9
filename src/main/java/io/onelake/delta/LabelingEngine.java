/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.ExpressionHandler;
import io.delta.kernel.engine.FileSystemClient;
import io.delta.kernel.engine.JsonHandler;
import io.delta.kernel.engine.MetricsReporter;
import io.delta.kernel.engine.ParquetHandler;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An engine that writes our {@link CommitLabel} into the {@code commitInfo} of the commits it makes.
 * Kernel 4.4 builds commitInfo itself (always operation WRITE, no metrics, never a blind append) and
 * has no API to change it; the commit file is written through the JSON handler, so that is where the
 * one commitInfo row of a commit is replaced — everything else Kernel wrote stays as it was.
 */
final class LabelingEngine implements Engine {
  private static final int IN_COMMIT_TIMESTAMP = 0;
  private static final int TIMESTAMP = 1;
  private static final int ENGINE_INFO = 2;
  private static final int TXN_ID = 6;

  private final Engine delegate;
  private final JsonHandler jsonHandler;
  // One engine serves one writer, which sets the label once it knows its metrics.
  private volatile CommitLabel label;

  LabelingEngine(Engine delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.jsonHandler = new LabelingJsonHandler(delegate.getJsonHandler());
  }

  /** The label of the next commits. */
  void label(CommitLabel commitLabel) {
    this.label = requireNonNull(commitLabel, "commitLabel");
  }

  @Override
  public ExpressionHandler getExpressionHandler() {
    return delegate.getExpressionHandler();
  }

  @Override
  public JsonHandler getJsonHandler() {
    return jsonHandler;
  }

  @Override
  public FileSystemClient getFileSystemClient() {
    return delegate.getFileSystemClient();
  }

  @Override
  public ParquetHandler getParquetHandler() {
    return delegate.getParquetHandler();
  }

  @Override
  public List<MetricsReporter> getMetricsReporters() {
    return delegate.getMetricsReporters();
  }

  private static boolean isCommitFile(String path) {
    // Only NNN.json commit files carry our commitInfo; v2 checkpoints and compacted logs are JSON too.
    return path.contains("/_delta_log/")
        && CommitHistory.COMMIT_FILE.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  private Row relabel(Row action) {
    if (action.isNullAt(SingleAction.COMMIT_INFO_ORDINAL)) {
      return action;
    }
    CommitLabel commitLabel = label;
    if (commitLabel == null) {
      return action;
    }
    Row info = action.getStruct(SingleAction.COMMIT_INFO_ORDINAL);
    CommitInfo relabelled = new CommitInfo(
        info.isNullAt(IN_COMMIT_TIMESTAMP) ? Optional.empty() : Optional.of(info.getLong(IN_COMMIT_TIMESTAMP)),
        info.getLong(TIMESTAMP),
        info.isNullAt(ENGINE_INFO) ? Optional.empty() : Optional.of(info.getString(ENGINE_INFO)),
        Optional.of(commitLabel.operation()),
        commitLabel.parameters(),
        Optional.of(commitLabel.blindAppend()),
        info.isNullAt(TXN_ID) ? Optional.empty() : Optional.of(info.getString(TXN_ID)),
        commitLabel.metrics());
    return SingleAction.createCommitInfoSingleAction(relabelled.toRow());
  }

  private final class LabelingJsonHandler implements JsonHandler {
    private final JsonHandler handler;

    LabelingJsonHandler(JsonHandler handler) {
      this.handler = handler;
    }

    @Override
    public ColumnarBatch parseJson(ColumnVector jsonStringVector, StructType outputSchema,
        Optional<ColumnVector> selectionVector) {
      return handler.parseJson(jsonStringVector, outputSchema, selectionVector);
    }

    @Override
    public CloseableIterator<ColumnarBatch> readJsonFiles(CloseableIterator<FileStatus> fileIter,
        StructType physicalSchema, Optional<Predicate> predicate) throws IOException {
      return handler.readJsonFiles(fileIter, physicalSchema, predicate);
    }

    @Override
    public void writeJsonFileAtomically(String filePath, CloseableIterator<Row> data,
        boolean overwrite) throws IOException {
      // Only commit files carry a commitInfo; checkpoints and checksums pass through untouched.
      handler.writeJsonFileAtomically(filePath,
          isCommitFile(filePath) ? data.map(LabelingEngine.this::relabel) : data,
          overwrite);
    }
  }
}
