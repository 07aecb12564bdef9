/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The FileIO of one write: the storage's FileIO plus the write's own Parquet settings, and a record of
 * every data file the write creates, so that a failed statement can delete exactly its own files and
 * nothing else (other writers may be adding files to the same directories at the same time).
 */
final class TrackingFileIO implements FileIO {
  private final FileIO delegate;
  private final Map<String, String> conf;
  private final List<String> createdFiles = new CopyOnWriteArrayList<>();

  TrackingFileIO(FileIO delegate, Map<String, String> conf) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.conf = Map.copyOf(conf);
  }

  /** Data files created so far (not log files: those are written with writeAtomically). */
  List<String> createdFiles() {
    return List.copyOf(createdFiles);
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    return delegate.listFrom(filePath);
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    return delegate.getFileStatus(path);
  }

  @Override
  public String resolvePath(String path) throws IOException {
    return delegate.resolvePath(path);
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    return delegate.mkdirs(path);
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return delegate.newInputFile(path, fileSize);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    OutputFile file = delegate.newOutputFile(path);
    if (!path.contains("/_delta_log/")) {
      createdFiles.add(path);
    }
    return file;
  }

  @Override
  public boolean delete(String path) throws IOException {
    return delegate.delete(path);
  }

  @Override
  public Optional<String> getConf(String confKey) {
    String value = conf.get(confKey);
    return value != null ? Optional.of(value) : delegate.getConf(confKey);
  }

  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite)
      throws IOException {
    delegate.copyFileAtomically(srcPath, destPath, overwrite);
  }
}
