/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The FileIO of one write: the storage's FileIO plus the write's own Parquet settings, and a record of
 * every data file the write creates, so that a failed statement can delete exactly its own files and
 * nothing else (other writers may be adding files to the same directories at the same time).
 */
final class TrackingFileIO extends DelegatingFileIO {
  private final Map<String, String> conf;
  private final List<String> createdFiles = new CopyOnWriteArrayList<>();

  TrackingFileIO(FileIO delegate, Map<String, String> conf) {
    super(delegate);
    this.conf = Map.copyOf(conf);
  }

  /** Data files created so far (not log files: those are written with writeAtomically). */
  List<String> createdFiles() {
    return List.copyOf(createdFiles);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    OutputFile file = super.newOutputFile(path);
    if (!path.contains("/_delta_log/")) {
      createdFiles.add(path);
    }
    return file;
  }

  @Override
  public Optional<String> getConf(String confKey) {
    String value = conf.get(confKey);
    return value != null ? Optional.of(value) : super.getConf(confKey);
  }
}
