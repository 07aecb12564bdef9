/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobProperties;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.IOException;

/** A blob to read. The size Kernel passes may be -1; it is then fetched (HEAD) when first needed. */
final class BlobInputFile implements InputFile {
  private final BlobClient blob;
  private final String path;
  private final int chunkSize;
  private long length;

  BlobInputFile(BlobClient blob, String path, long knownSize, int chunkSize) {
    this.blob = requireNonNull(blob, "blob is null");
    this.path = requireNonNull(path, "path is null");
    this.length = knownSize;
    this.chunkSize = chunkSize;
  }

  @Override
  public synchronized long length() throws IOException {
    if (length < 0) {
      try {
        BlobProperties props = blob.getProperties();
        length = props.getBlobSize();
      } catch (RuntimeException e) {
        throw BlobErrors.toIOException("get length", path, e);
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
    return new BlobSeekableInputStream(blob, path, length(), chunkSize);
  }
}
