/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose columns two threads encode is a valid Parquet file: parquet-hadoop's reader gets every
 * value back, row groups hold all their columns in schema order, and the statistics are right.
 */
class ColumnParallelFileTest {
  private static final MessageType SCHEMA = new MessageType("DefaultKernelSchema",
      Types.primitive(PrimitiveTypeName.INT64, Type.Repetition.REQUIRED).named("id"),
      Types.primitive(PrimitiveTypeName.INT32, Type.Repetition.OPTIONAL).named("small"),
      Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.OPTIONAL)
          .as(LogicalTypeAnnotation.stringType()).named("text"),
      Types.primitive(PrimitiveTypeName.DOUBLE, Type.Repetition.OPTIONAL).named("ratio"),
      Types.primitive(PrimitiveTypeName.BOOLEAN, Type.Repetition.OPTIONAL).named("flag"));
  private static final int ROWS = 50_000;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<CodecFactory> codecs = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    threads.shutdownNow();
    codecs.forEach(CodecFactory::release);
  }

  @Test
  void columnsEncodedInParallelReadBackInRowGroups() throws Exception {
    AtomicInteger helped = new AtomicInteger();
    EncodingHelpers helpers = new EncodingHelpers(work -> threads.execute(() -> {
      helped.incrementAndGet();
      work.run();
    }), 1);
    Path path = dir.resolve("parallel.parquet");
    // Small row groups, so that the file has several.
    ColumnParallelFile file = open(path, helpers, 256 * 1024);
    int[] rowIds = new int[2048];
    for (int first = 0; first < ROWS; first += rowIds.length) {
      int count = Math.min(rowIds.length, ROWS - first);
      for (int i = 0; i < count; i++) {
        rowIds[i] = first + i; // the sources compute each row's values from its id
      }
      file.write(sources(), rowIds, 0, count);
    }
    assertEquals(ROWS, file.rows());
    ParquetMetadata footer = file.close(Map.of("io.onelake.writer", "test"));
    assertTrue(helped.get() > 0, "a helper took part");

    List<BlockMetaData> blocks = footer.getBlocks();
    assertTrue(blocks.size() > 1, "several row groups: " + blocks.size());
    long rows = 0;
    for (BlockMetaData block : blocks) {
      rows += block.getRowCount();
      List<String> order = block.getColumns().stream()
          .map(chunk -> chunk.getPath().toDotString()).toList();
      assertEquals(List.of("id", "small", "text", "ratio", "flag"), order);
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        assertEquals(CompressionCodecName.SNAPPY, chunk.getCodec());
        assertEquals(block.getRowCount(), chunk.getValueCount());
      }
    }
    assertEquals(ROWS, rows);
    assertEquals("test", footer.getFileMetaData().getKeyValueMetaData().get("io.onelake.writer"));

    Statistics<?> ids = merged(footer, 0);
    assertEquals(0L, ids.genericGetMin());
    assertEquals((long) ROWS - 1, ids.genericGetMax());
    assertEquals(0, ids.getNumNulls());
    assertEquals(ROWS / 7 + 1, merged(footer, 1).getNumNulls()); // every 7th row, from row 0
    assertEquals(Binary.fromString("text-0"), merged(footer, 2).genericGetMin());

    int read = 0;
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = new ColumnIOFactory().getColumnIO(SCHEMA)
            .getRecordReader(pages, new GroupRecordConverter(SCHEMA));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group row = records.read();
          long id = row.getLong("id", 0);
          assertEquals(read, id, "rows keep their order");
          if (id % 7 == 0) {
            assertEquals(0, row.getFieldRepetitionCount("small"));
          } else {
            assertEquals((int) (id % 1000), row.getInteger("small", 0));
          }
          assertEquals(id % 5 == 0 ? 0 : 1, row.getFieldRepetitionCount("text"));
          if (id % 5 != 0) {
            assertEquals("text-" + (id % 997), row.getString("text", 0));
          }
          assertEquals(id / 4.0, row.getDouble("ratio", 0));
          assertEquals(id % 2 == 0, row.getBoolean("flag", 0));
          read++;
        }
      }
    }
    assertEquals(ROWS, read);
  }

  @Test
  void failureOfAColumnFailsTheWriteOnTheWritersThread() throws Exception {
    EncodingHelpers helpers = new EncodingHelpers(threads, 1);
    IllegalStateException boom = new IllegalStateException("boom");
    for (int column = 0; column < SCHEMA.getFieldCount(); column++) { // either thread may take it
      ColumnParallelFile file =
          open(dir.resolve("failed-" + column + ".parquet"), helpers, 128L * 1024 * 1024);
      ColumnParallelFile.ValueSource[] failing = sources();
      failing[column] = (out, row) -> {
        throw boom;
      };
      int[] rowIds = new int[1000];
      assertSame(boom, assertThrows(IllegalStateException.class,
          () -> file.write(failing, rowIds, 0, rowIds.length)));
      file.abandon();
    }
  }

  @Test
  void withoutHelpersTheWriterEncodesEveryColumn() throws Exception {
    Path path = dir.resolve("alone.parquet");
    ColumnParallelFile file = open(path, new EncodingHelpers(Runnable::run, 0), 128L * 1024 * 1024);
    int[] rowIds = new int[1000];
    for (int i = 0; i < rowIds.length; i++) {
      rowIds[i] = i;
    }
    file.write(sources(), rowIds, 0, 600);
    file.write(sources(), rowIds, 600, 400);
    ParquetMetadata footer = file.close(Map.of());
    assertEquals(1, footer.getBlocks().size());
    assertEquals(1000, footer.getBlocks().get(0).getRowCount());
    assertEquals(999L, merged(footer, 0).genericGetMax());
    assertFalse(Files.size(path) == 0);
  }

  @Test
  void refusedHelpIsDoneByTheWriter() {
    EncodingHelpers refusing = new EncodingHelpers(work -> {
      throw new java.util.concurrent.RejectedExecutionException("closing");
    }, 1);
    assertFalse(refusing.tryHelp(() -> { }));
    AtomicInteger ran = new AtomicInteger();
    EncodingHelpers one = new EncodingHelpers(Runnable::run, 1);
    assertTrue(one.tryHelp(ran::incrementAndGet));
    assertTrue(one.tryHelp(ran::incrementAndGet), "the permit is given back after the work");
    assertEquals(2, ran.get());
  }

  private ColumnParallelFile open(Path path, EncodingHelpers helpers, long rowGroupBytes)
      throws Exception {
    List<CompressionCodecFactory.BytesInputCompressor> compressors = new ArrayList<>();
    for (int i = 0; i < SCHEMA.getFieldCount(); i++) {
      CodecFactory codec = new CodecFactory(new PlainParquetConfiguration(), 64 * 1024);
      codecs.add(codec);
      compressors.add(codec.getCompressor(CompressionCodecName.SNAPPY));
    }
    return new ColumnParallelFile(new LocalOutputFile(path), SCHEMA,
        ParquetProperties.builder().build(), compressors, rowGroupBytes, helpers);
  }

  /** Values computed from the row id: nulls in every 7th "small" and every 5th "text". */
  private static ColumnParallelFile.ValueSource[] sources() {
    return new ColumnParallelFile.ValueSource[] {
      (out, row) -> out.write((long) row, 0, 0),
      (out, row) -> {
        if (row % 7 == 0) {
          out.writeNull(0, 0);
        } else {
          out.write(row % 1000, 0, 1);
        }
      },
      (out, row) -> {
        if (row % 5 == 0) {
          out.writeNull(0, 0);
        } else {
          out.write(Binary.fromConstantByteArray(
              ("text-" + (row % 997)).getBytes(StandardCharsets.UTF_8)), 0, 1);
        }
      },
      (out, row) -> out.write(row / 4.0, 0, 1),
      (out, row) -> out.write(row % 2 == 0, 0, 1),
    };
  }

  /** The statistics of a column over all row groups. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Statistics<?> merged(ParquetMetadata footer, int column) {
    Statistics merged = null;
    for (BlockMetaData block : footer.getBlocks()) {
      Statistics<?> stats = block.getColumns().get(column).getStatistics();
      if (merged == null) {
        merged = Statistics.createStats(stats.type());
      }
      merged.mergeStatistics(stats);
    }
    return merged;
  }
}
