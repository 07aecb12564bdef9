/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DFS file written through a hidden temporary file that one rename makes visible.
 *
 * <p>On the DFS API a file exists, empty, from its create request on, and grows with every
 * append; a reader could see a half-written checkpoint or an empty commit. So the data goes to
 * {@code .<name>.<uuid>.tmp} in the same directory (names starting with a dot sort before Delta's
 * log files and are ignored by Delta), and an atomic rename publishes it, with {@code If-None-Match:
 * *} on the destination when an existing file must not be replaced (a Delta commit: the losing
 * writer gets 409 or 412, which becomes {@link FileAlreadyExistsException}).
 */
final class DfsTempFileSink implements ChunkSink {
  private static final Logger LOG = LoggerFactory.getLogger(DfsTempFileSink.class);

  private final DataLakeFileSystemClient fileSystem;
  private final String name;
  private final String path;
  private final boolean failIfExists;
  private final DataLakeFileClient temp;
  private boolean created;
  private long position;

  DfsTempFileSink(DataLakeFileSystemClient fileSystem, String name, String path, boolean failIfExists) {
    this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    this.name = requireNonNull(name, "name is null");
    this.path = requireNonNull(path, "path is null");
    this.failIfExists = failIfExists;
    int slash = name.lastIndexOf('/');
    this.temp = fileSystem.getFileClient(
        name.substring(0, slash + 1) + "." + name.substring(slash + 1) + "." + UUID.randomUUID() + ".tmp");
  }

  @Override
  public void stage(ByteBuffer chunk) throws IOException {
    try {
      append(chunk);
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("append", path, e);
    }
  }

  @Override
  public void commit(ByteBuffer last, boolean firstChunk) throws IOException {
    try {
      append(last);
      temp.flush(position, true);
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("write", path, e);
    }
    DataLakeRequestConditions destination = failIfExists ? new DataLakeRequestConditions().setIfNoneMatch("*") : null;
    try {
      temp.renameWithResponse(null, name, null, destination, null, Context.NONE);
    } catch (RuntimeException e) {
      if (failIfExists && StorageErrors.isConflict(e)) {
        throw new FileAlreadyExistsException(path, null, "already exists");
      }
      if (StorageErrors.isNotFound(e) && landedEarlier()) {
        return;
      }
      throw StorageErrors.toIOException("rename into place", path, e);
    }
  }

  /** Creates the temporary file on first use (it also creates missing parent directories). */
  private void append(ByteBuffer chunk) {
    if (!created) {
      temp.create(true);
      created = true;
    }
    int length = chunk.remaining();
    if (length > 0) {
      temp.append(BinaryData.fromByteBuffer(chunk), position);
      position += length;
    }
  }

  /**
   * The SDK retries a rename whose response was lost; if the first attempt went through, the retry
   * finds no source. Nobody else knows the random temporary name, so a missing source and a target
   * of our length mean our rename landed.
   */
  private boolean landedEarlier() {
    try {
      boolean landed = !temp.exists() && fileSystem.getFileClient(name).getProperties().getFileSize() == position;
      if (landed) {
        LOG.debug("rename of {} found its file in place after a retry; treating as success", path);
      }
      return landed;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void abort() {
    if (!created) {
      return;
    }
    try {
      temp.deleteIfExists();
    } catch (RuntimeException e) {
      LOG.debug("could not remove temporary file of {}: {}", path, e.getClass().getSimpleName());
    }
  }
}
