/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A block blob written chunk by chunk: each chunk is an uncommitted block, and the commit is the
 * block list (or, for a small file, one upload of the whole blob). Staged blocks are invisible.
 * With {@code failIfExists} the final request carries {@code If-None-Match: *}.
 */
final class BlockBlobSink implements ChunkSink {
  private final BlockBlobClient client;
  private final String path;
  private final boolean failIfExists;
  // Block ids must all have the same length within a blob; a random prefix keeps them unique
  // even if another writer stages blocks for the same name at the same time.
  private final String blockIdPrefix = UUID.randomUUID().toString().replace("-", "");
  private final List<String> blockIds = new ArrayList<>();

  BlockBlobSink(BlockBlobClient client, String path, boolean failIfExists) {
    this.client = requireNonNull(client, "client is null");
    this.path = requireNonNull(path, "path is null");
    this.failIfExists = failIfExists;
  }

  @Override
  public void stage(ByteBuffer chunk) throws IOException {
    String blockId = Base64.getEncoder().encodeToString(
        (blockIdPrefix + String.format("%08d", blockIds.size())).getBytes(US_ASCII));
    try {
      client.stageBlock(blockId, BinaryData.fromByteBuffer(chunk));
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("stage block", path, e);
    }
    blockIds.add(blockId);
  }

  @Override
  public void commit(ByteBuffer last, boolean firstChunk) throws IOException {
    BlobRequestConditions conditions = failIfExists ? new BlobRequestConditions().setIfNoneMatch("*") : null;
    try {
      if (firstChunk) {
        client.uploadWithResponse(
            new BlockBlobSimpleUploadOptions(BinaryData.fromByteBuffer(last)).setRequestConditions(conditions),
            null,
            Context.NONE);
        return;
      }
      if (last.hasRemaining()) {
        stage(last);
      }
      client.commitBlockListWithResponse(
          new BlockBlobCommitBlockListOptions(blockIds).setRequestConditions(conditions), null, Context.NONE);
    } catch (RuntimeException e) {
      if (failIfExists && StorageErrors.isConflict(e)) {
        throw new FileAlreadyExistsException(path, null, "already exists");
      }
      throw StorageErrors.toIOException("commit", path, e);
    }
  }

  @Override
  public void abort() {
    // Uncommitted blocks are invisible and the service discards them after a week.
  }
}
