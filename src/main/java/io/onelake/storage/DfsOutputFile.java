/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;

/** A DFS file to write; it becomes visible in one step, when its temporary file is renamed into place. */
final class DfsOutputFile implements OutputFile {
  private final DataLakeFileSystemClient fileSystem;
  private final String name;
  private final String path;
  private final int chunkSize;

  DfsOutputFile(DataLakeFileSystemClient fileSystem, String name, String path, int chunkSize) {
    this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    this.name = requireNonNull(name, "name is null");
    this.path = requireNonNull(path, "path is null");
    this.chunkSize = chunkSize;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public PositionOutputStream create(boolean atomicWrite) {
    return new ChunkedOutputStream(new DfsTempFileSink(fileSystem, name, path, atomicWrite), path, chunkSize);
  }

  @Override
  public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
    byte[] content = JsonLines.encode(data);
    try (PositionOutputStream out = create(!overwrite)) {
      out.write(content);
    }
  }
}
