/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Writes a block blob: data is buffered up to {@code blockSize}, each full buffer is staged as an
 * uncommitted block, and {@link #close()} commits the block list (or, for small files, uploads the
 * whole blob in one request). Staged blocks are invisible, so readers never see a partial file. With
 * {@code atomicWrite} the final request carries {@code If-None-Match: *}.
 */
final class BlockBlobOutputStream extends PositionOutputStream {
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final BlockBlobClient client;
  private final String path;
  private final boolean atomicWrite;
  private final int blockSize;
  // Block ids must all have the same length within a blob; a random prefix keeps them unique
  // even if another writer stages blocks for the same name at the same time.
  private final String blockIdPrefix = UUID.randomUUID().toString().replace("-", "");
  private final List<String> blockIds = new ArrayList<>();

  private byte[] buffer;
  private int count;
  private long pos;
  private boolean closed;

  BlockBlobOutputStream(BlockBlobClient client, String path, boolean atomicWrite, int blockSize) {
    this.client = requireNonNull(client, "client is null");
    this.path = requireNonNull(path, "path is null");
    this.atomicWrite = atomicWrite;
    this.blockSize = blockSize;
    this.buffer = new byte[Math.min(INITIAL_BUFFER, blockSize)];
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (count == buffer.length) {
      makeRoom();
    }
    buffer[count++] = (byte) b;
    pos++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    checkFromIndexSize(off, len, b.length);
    ensureOpen();
    while (len > 0) {
      if (count == buffer.length) {
        makeRoom();
      }
      int n = Math.min(len, buffer.length - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
      pos += n;
    }
  }

  /** Grows the buffer up to the block size, then stages it as a block. */
  private void makeRoom() throws IOException {
    if (buffer.length < blockSize) {
      byte[] bigger = new byte[(int) Math.min(blockSize, (long) buffer.length * 2)];
      System.arraycopy(buffer, 0, bigger, 0, count);
      buffer = bigger;
    } else {
      stageBuffer();
    }
  }

  private void stageBuffer() throws IOException {
    String blockId = Base64.getEncoder().encodeToString(
        (blockIdPrefix + String.format("%08d", blockIds.size())).getBytes(US_ASCII));
    try {
      client.stageBlock(blockId, BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, count)));
    } catch (RuntimeException e) {
      throw BlobErrors.toIOException("stage block", path, e);
    }
    blockIds.add(blockId);
    count = 0;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    BlobRequestConditions conditions = atomicWrite ? new BlobRequestConditions().setIfNoneMatch("*") : null;
    try {
      if (blockIds.isEmpty()) {
        client.uploadWithResponse(
            new BlockBlobSimpleUploadOptions(BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, count)))
                .setRequestConditions(conditions),
            null,
            Context.NONE);
      } else {
        if (count > 0) {
          stageBuffer();
        }
        client.commitBlockListWithResponse(
            new BlockBlobCommitBlockListOptions(blockIds).setRequestConditions(conditions), null, Context.NONE);
      }
    } catch (RuntimeException e) {
      if (atomicWrite && BlobErrors.isConflict(e)) {
        throw new FileAlreadyExistsException(path, null, "already exists");
      }
      throw BlobErrors.toIOException("commit", path, e);
    } finally {
      buffer = new byte[0];
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream is closed: " + path);
    }
  }
}
