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
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.DelegateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An engine that writes what Kernel 4.4 cannot into the commits it makes: our {@link CommitLabel} in
 * the {@code commitInfo} (Kernel always writes operation WRITE, no metrics, never a blind append), and
 * a {@link TableDefinitionChange} in the {@code metaData} action (Kernel cannot set a table description
 * and changes schemas only on column-mapped tables). The commit file and the version checksum are
 * written through the JSON handler, so that is where those rows are replaced — everything else Kernel
 * wrote stays as it was, and the checksum keeps describing the committed metadata.
 */
final class CommitRewritingEngine implements Engine {
  private static final int IN_COMMIT_TIMESTAMP = 0;
  private static final int TIMESTAMP = 1;
  private static final int ENGINE_INFO = 2;
  private static final int TXN_ID = 6;
  private static final Pattern CHECKSUM_FILE = Pattern.compile("\\d{20}\\.crc");

  private final Engine delegate;
  private final JsonHandler jsonHandler;
  // One engine serves one writer, which sets the label once it knows its metrics.
  private volatile CommitLabel label;
  private volatile Amendment amendment;

  CommitRewritingEngine(Engine delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.jsonHandler = new RewritingJsonHandler(delegate.getJsonHandler());
  }

  /** The label of the next commits. */
  void label(CommitLabel commitLabel) {
    this.label = requireNonNull(commitLabel, "commitLabel");
  }

  /**
   * The definition change of the next commits. A commit that carries no {@code metaData} action gets
   * one: {@code readMetadata} (the table's metadata at the read version) with the change applied.
   */
  void amend(TableDefinitionChange change, Optional<Metadata> readMetadata) {
    this.amendment = change.isEmpty() ? null : new Amendment(change, readMetadata);
  }

  /** Whether commits carry a metadata that Kernel's in-memory post-commit snapshot does not know. */
  boolean amendsMetadata() {
    return amendment != null;
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

  private static boolean isLogFile(String path, Pattern name) {
    return path.contains("/_delta_log/")
        && name.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  private CloseableIterator<Row> rewrite(String path, CloseableIterator<Row> rows) {
    // Only NNN.json commit files carry our commitInfo; v2 checkpoints and compacted logs are JSON too,
    // and are made by reading the (already rewritten) commits back.
    if (isLogFile(path, CommitHistory.COMMIT_FILE)) {
      CloseableIterator<Row> relabelled = rows.map(this::relabel);
      Amendment current = amendment;
      return current == null ? relabelled : new AmendedCommit(relabelled, current);
    }
    Amendment current = amendment;
    if (current != null && isLogFile(path, CHECKSUM_FILE)) {
      return rows.map(current::amendChecksum);
    }
    return rows;
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

  private final class RewritingJsonHandler implements JsonHandler {
    private final JsonHandler handler;

    RewritingJsonHandler(JsonHandler handler) {
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
      handler.writeJsonFileAtomically(filePath, rewrite(filePath, data), overwrite);
    }
  }

  /** A definition change and the metadata it applies to when Kernel writes none. */
  private record Amendment(TableDefinitionChange change, Optional<Metadata> readMetadata) {
    Row metadataAction(Optional<Row> written) {
      Metadata base = written.map(Metadata::fromRow).or(this::readMetadata).orElseThrow(
          () -> new IllegalStateException("a table definition change needs the table's metadata"));
      return SingleAction.createMetadataSingleAction(change.applyTo(base).toRow());
    }

    Row amendChecksum(Row checksum) {
      int ordinal = checksum.getSchema().indexOf("metadata");
      Metadata committed = Metadata.fromRow(checksum.getStruct(ordinal));
      return new DelegateRow(checksum, Map.of(ordinal, change.applyTo(committed).toRow()));
    }
  }

  /**
   * The rows of a commit with its {@code metaData} action amended, or one added before the first file
   * action when Kernel wrote none (Kernel writes commitInfo, protocol and metaData first).
   */
  private static final class AmendedCommit implements CloseableIterator<Row> {
    private final CloseableIterator<Row> rows;
    private final Amendment amendment;
    private boolean metadataWritten;
    private Row pending;

    AmendedCommit(CloseableIterator<Row> rows, Amendment amendment) {
      this.rows = rows;
      this.amendment = amendment;
    }

    @Override
    public boolean hasNext() {
      return pending != null || rows.hasNext() || !metadataWritten;
    }

    @Override
    public Row next() {
      if (pending != null) {
        Row next = pending;
        pending = null;
        return next;
      }
      if (!rows.hasNext()) {
        if (metadataWritten) {
          throw new java.util.NoSuchElementException();
        }
        metadataWritten = true;
        return amendment.metadataAction(Optional.empty());
      }
      Row row = rows.next();
      if (!row.isNullAt(SingleAction.METADATA_ORDINAL)) {
        metadataWritten = true;
        return amendment.metadataAction(Optional.of(row.getStruct(SingleAction.METADATA_ORDINAL)));
      }
      if (!metadataWritten && isFileAction(row)) {
        metadataWritten = true;
        pending = row;
        return amendment.metadataAction(Optional.empty());
      }
      return row;
    }

    private static boolean isFileAction(Row row) {
      return !row.isNullAt(SingleAction.ADD_FILE_ORDINAL) || !row.isNullAt(SingleAction.REMOVE_FILE_ORDINAL);
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }
}
