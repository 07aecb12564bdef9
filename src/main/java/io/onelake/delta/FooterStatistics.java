/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The Delta statistics (row count, min/max, null counts) of a flat Parquet file from the footer its
 * writer built, with the rules of Kernel's {@code ParquetStatsReader} (which reads the footer back
 * from storage): a column's statistics count only if every row group has valid ones; an all-NULL
 * column gets NULL bounds.
 */
final class FooterStatistics {
  private FooterStatistics() {}

  static DataFileStatistics of(ParquetMetadata footer, StructType schema, List<Column> statsColumns) {
    long rowCount = 0;
    Map<String, Statistics<?>> merged = new HashMap<>();
    Map<String, Boolean> valid = new HashMap<>();
    for (BlockMetaData block : footer.getBlocks()) {
      rowCount += block.getRowCount();
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        String name = chunk.getPath().toDotString();
        Statistics<?> stats = chunk.getStatistics();
        boolean ok = stats != null && !stats.isEmpty() && stats.isNumNullsSet()
            // NaN values leave a chunk without a non-null value (PARQUET-1246).
            && (stats.hasNonNullValue() || stats.getNumNulls() == chunk.getValueCount());
        valid.merge(name, ok, Boolean::logicalAnd);
        if (ok) {
          Statistics<?> previous = merged.get(name);
          if (previous == null) {
            merged.put(name, stats.copy());
          } else {
            previous.mergeStatistics(stats);
          }
        }
      }
    }
    Map<Column, Literal> minValues = new HashMap<>();
    Map<Column, Literal> maxValues = new HashMap<>();
    Map<Column, Long> nullCounts = new HashMap<>();
    for (Column column : statsColumns) {
      String[] names = column.getNames();
      if (names.length != 1 || !Boolean.TRUE.equals(valid.get(names[0]))) {
        continue;
      }
      int ordinal = schema.indexOf(names[0]);
      if (ordinal < 0) {
        continue;
      }
      DataType type = schema.at(ordinal).getDataType();
      Statistics<?> stats = merged.get(names[0]);
      long nulls = stats.getNumNulls();
      nullCounts.put(column, nulls);
      if (nulls == rowCount) {
        minValues.put(column, Literal.ofNull(type));
        maxValues.put(column, Literal.ofNull(type));
        continue;
      }
      Literal min = literal(type, stats, true);
      Literal max = literal(type, stats, false);
      if (min != null) {
        minValues.put(column, min);
      }
      if (max != null) {
        maxValues.put(column, max);
      }
    }
    return new DataFileStatistics(rowCount, minValues, maxValues, nullCounts, Optional.empty());
  }

  /** A bound as a literal: the statistic's value in the driver's Kernel representation. */
  private static Literal literal(DataType type, Statistics<?> stats, boolean min) {
    Object value = min ? stats.genericGetMin() : stats.genericGetMax();
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType) {
      int scale = ((DecimalType) type).getScale();
      if (stats instanceof IntStatistics || stats instanceof LongStatistics) {
        value = BigDecimal.valueOf(((Number) value).longValue(), scale);
      } else if (stats instanceof BinaryStatistics) {
        value = new BigDecimal(new BigInteger(min ? stats.getMinBytes() : stats.getMaxBytes()), scale);
      } else {
        return null;
      }
    } else if (type instanceof StringType) {
      value = new String(min ? stats.getMinBytes() : stats.getMaxBytes(), StandardCharsets.UTF_8);
    } else if (type instanceof BinaryType) {
      value = min ? stats.getMinBytes() : stats.getMaxBytes();
    }
    return KernelLiterals.of(type, value);
  }
}
