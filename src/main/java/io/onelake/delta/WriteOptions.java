/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;

/**
 * How one statement writes Parquet: compression codec, target file size and rows per in-memory batch.
 *
 * @param compression parquet-mr codec name: SNAPPY, ZSTD, GZIP or UNCOMPRESSED
 * @param targetFileSizeBytes files roll over once they reach this size
 * @param batchRows rows per column batch handed to the Parquet writer
 */
public record WriteOptions(String compression, long targetFileSizeBytes, int batchRows) {
  /**
   * Small enough that the writer thread starts encoding while the statement still converts rows (a
   * JDBC batch of 10,000 rows is five hand-overs, not one and a remainder).
   */
  public static final int DEFAULT_BATCH_ROWS = 2048;
  public static final long DEFAULT_TARGET_FILE_SIZE = 128L * 1024 * 1024;
  /** parquet-hadoop's key for the row group size, which Kernel's writer passes on. */
  static final String ROW_GROUP_SIZE_KEY = "parquet.block.size";
  /** parquet-hadoop's default row group size (the bytes a writer buffers before flushing). */
  private static final long ROW_GROUP_BYTES = 128L * 1024 * 1024;

  public WriteOptions {
    requireNonNull(compression, "compression");
    compression = compression.toUpperCase(Locale.ROOT);
    if (targetFileSizeBytes <= 0) {
      throw new IllegalArgumentException("target file size must be positive: " + targetFileSizeBytes);
    }
    if (batchRows <= 0) {
      batchRows = DEFAULT_BATCH_ROWS;
    }
  }

  public static WriteOptions defaults() {
    return new WriteOptions("SNAPPY", DEFAULT_TARGET_FILE_SIZE, DEFAULT_BATCH_ROWS);
  }

  /**
   * The FileIO configuration that Kernel's default Parquet writer (and {@link FlatParquetFiles}) reads.
   * A partitioned write keeps up to {@link DeltaWriter#MAX_OPEN_FILES} files open, each buffering its
   * row group in memory: their row groups share the budget of one unpartitioned file's, so that the
   * memory a write needs does not grow with the number of partitions.
   */
  Map<String, String> kernelConf(boolean partitioned) {
    long rowGroupBytes = partitioned ? ROW_GROUP_BYTES / DeltaWriter.MAX_OPEN_FILES : ROW_GROUP_BYTES;
    return Map.of(
        "parquet.compression", compression,
        ROW_GROUP_SIZE_KEY, Long.toString(rowGroupBytes),
        "delta.kernel.default.parquet.writer.targetMaxFileSize", Long.toString(targetFileSizeBytes));
  }
}
