/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import java.io.OutputStream;

/**
 * One file of a storage service, read by byte ranges: the seam between {@link RangedInputStream},
 * which does the buffering, and the Blob or DFS client, which does the requests. Implementations
 * throw the SDK's runtime exceptions; callers map them with {@link StorageErrors}.
 */
interface RemoteFile {
  /** The size in bytes (a HEAD request). */
  long length();

  /**
   * Writes bytes {@code [start, start + count)} to {@code out} and returns the ETag of the version
   * read. With a non-null {@code ifMatch} the read must fail with HTTP 412 if the file has changed.
   */
  String read(long start, int count, OutputStream out, String ifMatch);
}
