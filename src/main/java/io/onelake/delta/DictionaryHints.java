/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Which columns of a table were written without a dictionary in its last files. parquet-hadoop first
 * encodes every column with a dictionary and, when the first page shows that the dictionary does not
 * pay (unique values such as keys or comments), encodes the page again without one. A big file pays
 * that once; a JDBC batch writes a small file per commit and pays it for every value of every file.
 * Files after the first are written with those columns plain from the start, which is what
 * parquet-hadoop would have ended with; every {@value #PROBE_EVERY}th file tries all dictionaries
 * again, so that a change in the data is noticed.
 */
final class DictionaryHints {
  static final int PROBE_EVERY = 16;

  private final AtomicInteger files = new AtomicInteger();
  private volatile Set<String> plainColumns = Set.of();

  /** The columns (top-level names) the next file writes without a dictionary. */
  Set<String> nextFile() {
    return files.getAndIncrement() % PROBE_EVERY == 0 ? Set.of() : plainColumns;
  }

  /** Learns from a file written with a dictionary tried for every column. */
  void learn(ParquetMetadata footer) {
    Set<String> dictionary = new HashSet<>();
    Set<String> plain = new HashSet<>();
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        (chunk.hasDictionaryPage() ? dictionary : plain).add(chunk.getPath().toDotString());
      }
    }
    plain.removeAll(dictionary); // a dictionary in any row group keeps it
    plainColumns = Set.copyOf(plain);
  }
}
