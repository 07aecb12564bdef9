/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;
import io.delta.kernel.types.StructType;

/**
 * The rows of an INSERT that are another Delta table's columns unchanged ({@code INSERT INTO t SELECT
 * * FROM s}, or a list of plain column names): the executor copies Kernel's column batches into the
 * writer instead of turning every value into a Calcite row and back.
 *
 * @param source the table read, as the statement pinned it (each execution reads its current version)
 * @param readSchema the source columns to read; STRING columns may be read as BINARY, i.e. as the
 *     UTF-8 bytes Parquet stores, which are written again without decoding
 * @param readColumnOf for each target column, the index of its column in {@code readSchema}
 * @param checkNotNull for each target column, whether NULLs must be refused (a NOT NULL column
 *     filled from a nullable one)
 */
public record TableCopy(DeltaTable source, StructType readSchema, int[] readColumnOf,
    boolean[] checkNotNull) {
  public TableCopy {
    requireNonNull(source, "source");
    requireNonNull(readSchema, "readSchema");
    readColumnOf = readColumnOf.clone();
    checkNotNull = checkNotNull.clone();
  }
}
