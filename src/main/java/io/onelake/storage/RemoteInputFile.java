/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.IOException;

/**
 * A Blob or DFS file to read. Kernel passes -1 for an unknown size, and also 0: it reads {@code _last_checkpoint}
 * and some commit files through {@code FileStatus.of(path)}, whose size is 0. So a size of at most
 * 0 is fetched (HEAD) when first needed; trusting the 0 would read nothing, and Kernel would wait
 * and retry three times on a "_last_checkpoint has no data" instead of seeing that it is missing.
 */
final class RemoteInputFile implements InputFile {
  private final RemoteFile file;
  private final String path;
  private final int chunkSize;
  private long length;

  RemoteInputFile(RemoteFile file, String path, long knownSize, int chunkSize) {
    this.file = requireNonNull(file, "file is null");
    this.path = requireNonNull(path, "path is null");
    this.length = knownSize;
    this.chunkSize = chunkSize;
  }

  @Override
  public synchronized long length() throws IOException {
    if (length <= 0) {
      try {
        length = file.length();
      } catch (RuntimeException e) {
        throw StorageErrors.toIOException("get length", path, e);
      }
    }
    return length;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new RangedInputStream(file, path, length(), chunkSize);
  }
}
