/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

/**
 * How many bytes a remote file is written and read in per request: {@code writeChunk} per staged
 * block or append, {@code readChunk} per ranged read. Tests pass small sizes so that a few MiB
 * already take the multi-request paths.
 */
record TransferSizes(int writeChunk, int readChunk) {
  static final TransferSizes DEFAULT = new TransferSizes(8 * 1024 * 1024, 4 * 1024 * 1024);

  TransferSizes {
    if (writeChunk < 1 || readChunk < 1) {
      throw new IllegalArgumentException("transfer sizes must be positive");
    }
  }
}
