/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobProperties;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.IOException;

/**
 * A blob to read. Kernel passes -1 for an unknown size, and also 0: it reads {@code _last_checkpoint}
 * and some commit files through {@code FileStatus.of(path)}, whose size is 0. So a size of at most
 * 0 is fetched (HEAD) when first needed; trusting the 0 would read nothing, and Kernel would wait
 * and retry three times on a "_last_checkpoint has no data" instead of seeing that it is missing.
 */
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
    if (length <= 0) {
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
