/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A blob to write; it becomes visible in one step, when its single upload or block list commits. */
final class BlobOutputFile implements OutputFile {
  private static final Logger LOG = LoggerFactory.getLogger(BlobOutputFile.class);

  private final BlobClient blob;
  private final String path;
  private final BlobContainer container;
  private final int blockSize;

  BlobOutputFile(BlobClient blob, String path, BlobContainer container, int blockSize) {
    this.blob = requireNonNull(blob, "blob is null");
    this.path = requireNonNull(path, "path is null");
    this.container = requireNonNull(container, "container is null");
    this.blockSize = blockSize;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public PositionOutputStream create(boolean atomicWrite) {
    container.ensureExists();
    return new ChunkedOutputStream(new BlockBlobSink(blob.getBlockBlobClient(), path, atomicWrite), path, blockSize);
  }

  @Override
  public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
    byte[] content = JsonLines.encode(data);
    container.ensureExists();
    BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content));
    if (!overwrite) {
      options.setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
    }
    try {
      blob.getBlockBlobClient().uploadWithResponse(options, null, Context.NONE);
    } catch (RuntimeException e) {
      if (!overwrite && StorageErrors.isConflict(e)) {
        if (isOwnEarlierAttempt(content)) {
          return;
        }
        throw new FileAlreadyExistsException(path, null, "already exists");
      }
      throw StorageErrors.toIOException("write", path, e);
    }
  }

  /**
   * After a conflict, whether the existing blob is byte-identical to ours. The SDK retries a request
   * whose response was lost; if the lost attempt had in fact created the blob, the retry sees 409.
   * Reporting that as "already exists" would make Kernel commit the same actions again at the next
   * version, so identical content (commit files carry a unique txnId and timestamp) counts as ours.
   */
  private boolean isOwnEarlierAttempt(byte[] content) {
    try {
      if (blob.getProperties().getBlobSize() != content.length) {
        return false;
      }
      boolean same = Arrays.equals(blob.downloadContent().toBytes(), content);
      if (same) {
        LOG.debug("conditional write of {} found its own content after a retry; treating as success", path);
      }
      return same;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
