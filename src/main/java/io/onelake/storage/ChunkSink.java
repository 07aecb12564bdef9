/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link ChunkedOutputStream} puts its bytes: staged chunks that stay invisible, then one
 * step that makes the whole file visible. Block blobs stage blocks and commit the block list; the
 * DFS API appends to a hidden temporary file and renames it.
 */
interface ChunkSink {
  /** Stores a full chunk; nothing is visible yet. */
  void stage(ByteBuffer chunk) throws IOException;

  /**
   * Stores the remaining bytes and makes the file visible under its name. {@code firstChunk} tells
   * that nothing was staged before, so the whole file is {@code last}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the sink must not replace an existing file
   *     and one exists
   */
  void commit(ByteBuffer last, boolean firstChunk) throws IOException;

  /** Best-effort removal of whatever was staged, after a failure. */
  void abort();
}
