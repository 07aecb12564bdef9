/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import io.onelake.OneLakeVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes batches of a flat table (top-level columns of primitive types) to Parquet files, rolled over
 * at the target size, with the same physical schema and parquet-hadoop settings as Kernel's default
 * writer ({@code ParquetFileWriter}), but without its per-file overheads: Kernel builds every
 * {@code ParquetWriter} on a fresh Hadoop {@code Configuration} (parsing {@code core-default.xml}),
 * reads each file's footer back to get its statistics, and asks for the buffered size after every row.
 * Here the configuration is plain (no Hadoop defaults), the statistics come from the footer the writer
 * just built ({@link FooterStatistics}), the size is checked every {@value #SIZE_CHECK_ROWS} rows near
 * the target, the driver's own vectors ({@link LongVector}, {@link IntVector}) are read without boxing,
 * and the columns of a file are encoded by two threads when a second one is free
 * ({@link ColumnParallelFile}). Nested types and column-mapping field ids are left to Kernel's writer
 * ({@link #supports}).
 */
final class FlatParquetFiles {
  /** Rows between two checks of the file size near the target: a file overshoots it by about this. */
  static final int SIZE_CHECK_ROWS = 32;
  private static final String WRITER_KEY = "io.onelake.writer";
  /** What parquet-hadoop records as the writer's object model (a WriteSupport's name). */
  private static final String MODEL_NAME = "onelake";

  private final FileIO fileIO;
  private final String directory;
  private final List<Column> statsColumns;
  private final CompressionCodecName codec;
  private final long targetFileSize;
  private final Optional<Long> rowGroupBytes;
  private final DictionaryHints dictionaryHints;
  private final EncodingHelpers helpers;
  private final Compressors compressors;

  FlatParquetFiles(FileIO fileIO, String directory, List<Column> statsColumns,
      WriteOptions options, DictionaryHints dictionaryHints, EncodingHelpers helpers) {
    this.dictionaryHints = requireNonNull(dictionaryHints, "dictionaryHints");
    this.helpers = requireNonNull(helpers, "helpers");
    this.fileIO = requireNonNull(fileIO, "fileIO");
    this.directory = requireNonNull(directory, "directory");
    this.statsColumns = List.copyOf(statsColumns);
    this.codec = CompressionCodecName.fromConf(options.compression());
    this.targetFileSize = options.targetFileSizeBytes();
    this.rowGroupBytes = fileIO.getConf(WriteOptions.ROW_GROUP_SIZE_KEY).map(Long::parseLong);
    this.compressors = new Compressors(codec);
  }

  /** Whether this writer can write rows of the (physical) schema; Kernel's writer does otherwise. */
  static boolean supports(StructType schema) {
    for (StructField field : schema.fields()) {
      if (primitiveType(field.getDataType()) == null
          || field.getMetadata().contains("parquet.field.id")) {
        return false;
      }
    }
    return schema.length() > 0;
  }

  /** Writes all rows of the batches (selected rows only); returns the files written. */
  List<DataFileStatus> write(Iterator<FilteredColumnarBatch> batches) {
    List<DataFileStatus> files = new ArrayList<>();
    StructType schema = null;
    MessageType parquetSchema = null;
    OpenFile file = null;
    int[] rowIds = new int[0];
    try {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        ColumnarBatch data = batch.getData();
        if (data.getSize() == 0) {
          continue;
        }
        if (schema == null) {
          schema = data.getSchema();
          parquetSchema = parquetSchema(schema);
        } else if (!schema.equals(data.getSchema())) {
          throw new IllegalArgumentException("batches of different schemas: " + schema + " and "
              + data.getSchema());
        }
        FieldWriter[] sources = new FieldWriter[schema.length()];
        for (int i = 0; i < sources.length; i++) {
          sources[i] = FieldWriter.of(parquetSchema.getType(i), data.getColumnVector(i));
        }
        if (rowIds.length < data.getSize()) {
          rowIds = new int[data.getSize()];
        }
        int selected = selectedRows(batch, rowIds);
        for (int from = 0; from < selected; ) {
          if (file == null) {
            file = open(schema, parquetSchema);
          }
          int count = Math.min(selected - from, file.rowsUntilSizeCheck);
          file.parquet.write(sources, rowIds, from, count);
          from += count;
          file.rowsUntilSizeCheck -= count;
          if (file.rowsUntilSizeCheck == 0) {
            if (file.parquet.dataSize() >= targetFileSize) {
              files.add(file.close());
              file = null;
            } else {
              file.rowsUntilSizeCheck = file.rowsBeforeSizeCheck();
            }
          }
        }
      }
      if (file != null) {
        files.add(file.close());
        file = null;
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("writing Parquet files in " + directory + " failed", e);
    } finally {
      if (file != null) {
        file.parquet.abandon();
      }
      compressors.release();
    }
  }

  /** Puts the indexes of the batch's selected rows into {@code rowIds}; returns how many there are. */
  private static int selectedRows(FilteredColumnarBatch batch, int[] rowIds) {
    int size = batch.getData().getSize();
    ColumnVector selection = batch.getSelectionVector().orElse(null);
    int selected = 0;
    for (int row = 0; row < size; row++) {
      if (selection == null || (!selection.isNullAt(row) && selection.getBoolean(row))) {
        rowIds[selected++] = row;
      }
    }
    return selected;
  }

  private OpenFile open(StructType schema, MessageType parquetSchema) throws IOException {
    String path = directory + (directory.endsWith("/") ? "" : "/") + UUID.randomUUID() + "-000.parquet";
    io.delta.kernel.defaults.engine.fileio.OutputFile target = fileIO.newOutputFile(path);
    // parquet-hadoop's defaults, as ParquetWriter.Builder has them, and the dictionary hints.
    ParquetProperties.Builder properties = ParquetProperties.builder();
    Set<String> plainColumns = dictionaryHints.nextFile();
    for (String column : plainColumns) {
      properties.withDictionaryEncoding(column, false);
    }
    ColumnParallelFile parquet = new ColumnParallelFile(new KernelOutputFile(target), parquetSchema,
        properties.build(), compressors.forColumns(parquetSchema.getFieldCount()),
        rowGroupBytes.orElse((long) ParquetWriter.DEFAULT_BLOCK_SIZE), helpers);
    return new OpenFile(path, parquet, schema, plainColumns.isEmpty());
  }

  /** One Parquet file being written. */
  private final class OpenFile {
    final String path;
    final ColumnParallelFile parquet;
    final StructType schema;
    /** Whether every column tried a dictionary, so that the file tells which ones pay. */
    final boolean allDictionaries;
    /**
     * Rows to write before the size is checked. The check points depend on the file's rows alone, not
     * on how they arrive in batches, so that the same rows always roll over at the same row: a
     * rewritten file (UPDATE of one row) that was written up to the target stays one file.
     */
    int rowsUntilSizeCheck = SIZE_CHECK_ROWS;

    OpenFile(String path, ColumnParallelFile parquet, StructType schema, boolean allDictionaries) {
      this.path = path;
      this.parquet = parquet;
      this.schema = schema;
      this.allDictionaries = allDictionaries;
    }

    /**
     * How many rows to write before the file's size is checked again: {@value #SIZE_CHECK_ROWS} at
     * first and close to the target, up to a batch while the file is far from it (half the rows the
     * average row size says are left, so that a file overshoots the target by little).
     */
    int rowsBeforeSizeCheck() throws IOException {
      long rows = parquet.rows();
      long size = parquet.dataSize();
      if (rows < SIZE_CHECK_ROWS || size <= 0) {
        return SIZE_CHECK_ROWS;
      }
      long rowsLeft = (targetFileSize - size) / Math.max(1, size / rows);
      return (int) Math.max(SIZE_CHECK_ROWS, Math.min(Integer.MAX_VALUE, rowsLeft / 2));
    }

    DataFileStatus close() throws IOException {
      long rows = parquet.rows();
      ParquetMetadata footer = parquet.close(Map.of(WRITER_KEY,
          OneLakeVersion.NAME + "/" + OneLakeVersion.VERSION, ParquetWriter.OBJECT_MODEL_NAME_PROP,
          MODEL_NAME));
      if (allDictionaries) {
        dictionaryHints.learn(footer);
      }
      FileStatus status = fileIO.getFileStatus(path);
      DataFileStatistics stats = statsColumns.isEmpty()
          ? new DataFileStatistics(rows, Map.of(), Map.of(), Map.of(), Optional.empty())
          : FooterStatistics.of(footer, schema, statsColumns);
      return new DataFileStatus(fileIO.resolvePath(path), status.getSize(),
          status.getModificationTime(), Optional.of(stats));
    }
  }

  /** The Parquet type Kernel's writer uses for a primitive column, or null for other types. */
  static Type primitiveType(DataType type) {
    return primitiveType(type, Type.Repetition.OPTIONAL, "x");
  }

  private static Type primitiveType(DataType type, Type.Repetition repetition, String name) {
    if (type instanceof BooleanType) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
    } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
    } else if (type instanceof LongType) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
    } else if (type instanceof FloatType) {
      return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
    } else if (type instanceof DoubleType) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      LogicalTypeAnnotation annotation =
          LogicalTypeAnnotation.decimalType(decimal.getScale(), decimal.getPrecision());
      if (decimal.getPrecision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
      } else if (decimal.getPrecision() <= ColumnBuffer.MAX_LONG_DECIMAL_DIGITS) {
        return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).as(annotation)
          .length(decimalBytes(decimal.getPrecision())).named(name);
    } else if (type instanceof StringType) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType()).named(name);
    } else if (type instanceof BinaryType) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
    } else if (type instanceof DateType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType()).named(name);
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(type instanceof TimestampType,
              LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(name);
    }
    return null;
  }

  /** Bytes of a FIXED_LEN_BYTE_ARRAY that hold any unscaled value of the precision (as Kernel). */
  static int decimalBytes(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
      bytes++;
    }
    return bytes;
  }

  static MessageType parquetSchema(StructType schema) {
    List<Type> fields = new ArrayList<>();
    for (StructField field : schema.fields()) {
      fields.add(primitiveType(field.getDataType(),
          field.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED, field.getName()));
    }
    return new MessageType("DefaultKernelSchema", fields);
  }

  /**
   * Writes the values of one column vector into a parquet-hadoop column writer: a value at the
   * column's definition level, a null at level 0.
   */
  private abstract static class FieldWriter implements ColumnParallelFile.ValueSource {
    /** The definition level of a value: 1 for an optional column, 0 for a required one. */
    final int defined;
    final ColumnVector vector;

    FieldWriter(int defined, ColumnVector vector) {
      this.defined = defined;
      this.vector = vector;
    }

    static FieldWriter of(Type parquetType, ColumnVector vector) {
      int defined = parquetType.isRepetition(Type.Repetition.REQUIRED) ? 0 : 1;
      return of(defined, vector);
    }

    private static FieldWriter of(int defined, ColumnVector vector) {
      DataType type = vector.getDataType();
      if (vector instanceof LongVector) {
        long[] values = ((LongVector) vector).values();
        if (type instanceof DecimalType && ((DecimalType) type).getPrecision() <= 9) {
          return new FieldWriter(defined, vector) {
            @Override
            void writeValue(ColumnWriter out, int row) {
              out.write((int) values[row], 0, defined);
            }
          };
        }
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(values[row], 0, defined);
          }
        };
      }
      if (vector instanceof IntVector) {
        int[] values = ((IntVector) vector).values();
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(values[row], 0, defined);
          }
        };
      }
      if (type instanceof BooleanType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getBoolean(row), 0, defined);
          }
        };
      } else if (type instanceof ByteType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getByte(row), 0, defined);
          }
        };
      } else if (type instanceof ShortType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getShort(row), 0, defined);
          }
        };
      } else if (type instanceof IntegerType || type instanceof DateType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getInt(row), 0, defined);
          }
        };
      } else if (type instanceof LongType || type instanceof TimestampType
          || type instanceof TimestampNTZType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getLong(row), 0, defined);
          }
        };
      } else if (type instanceof FloatType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getFloat(row), 0, defined);
          }
        };
      } else if (type instanceof DoubleType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getDouble(row), 0, defined);
          }
        };
      } else if (type instanceof DecimalType) {
        return decimal(defined, vector, (DecimalType) type);
      } else if (type instanceof StringType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(Binary.fromConstantByteArray(
                vector.getString(row).getBytes(StandardCharsets.UTF_8)), 0, defined);
          }
        };
      } else if (type instanceof BinaryType) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(Binary.fromConstantByteArray(vector.getBinary(row)), 0, defined);
          }
        };
      }
      throw new IllegalArgumentException("not a flat column type: " + type);
    }

    /** Decimals as Kernel writes them: INT32, INT64 or big-endian two's complement bytes. */
    private static FieldWriter decimal(int defined, ColumnVector vector, DecimalType type) {
      int scale = type.getScale();
      if (type.getPrecision() <= 9) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getDecimal(row).movePointRight(scale).intValue(), 0, defined);
          }
        };
      } else if (type.getPrecision() <= ColumnBuffer.MAX_LONG_DECIMAL_DIGITS) {
        return new FieldWriter(defined, vector) {
          @Override
          void writeValue(ColumnWriter out, int row) {
            out.write(vector.getDecimal(row).movePointRight(scale).longValue(), 0, defined);
          }
        };
      }
      int width = decimalBytes(type.getPrecision());
      return new FieldWriter(defined, vector) {
        @Override
        void writeValue(ColumnWriter out, int row) {
          byte[] bytes = vector.getDecimal(row).setScale(scale).unscaledValue().toByteArray();
          byte[] fixed = new byte[width];
          Arrays.fill(fixed, 0, width - bytes.length, bytes[0] < 0 ? (byte) -1 : 0);
          System.arraycopy(bytes, 0, fixed, width - bytes.length, bytes.length);
          out.write(Binary.fromConstantByteArray(fixed), 0, defined);
        }
      };
    }

    @Override
    public final void write(ColumnWriter out, int row) {
      if (!vector.isNullAt(row)) {
        writeValue(out, row);
      } else if (defined == 0) {
        throw new IllegalStateException("a NULL in the required column " + vector.getDataType());
      } else {
        out.writeNull(0, 0);
      }
    }

    abstract void writeValue(ColumnWriter out, int row);
  }

  /**
   * One compressor per column, kept for the files this writer writes one after the other: compressors
   * keep state, and the columns of a file are compressed in parallel.
   */
  private static final class Compressors {
    private static final int INITIAL_COMPRESSION_BUFFER = 64 * 1024;
    private final CompressionCodecName codec;
    private final List<CodecFactory> factories = new ArrayList<>();

    Compressors(CompressionCodecName codec) {
      this.codec = codec;
    }

    List<CompressionCodecFactory.BytesInputCompressor> forColumns(int columns) {
      while (factories.size() < columns) {
        // A plain configuration: parquet-hadoop's defaults without Hadoop's XML resources. The size
        // is only the first capacity of the compressor's output buffer, which grows as needed;
        // parquet-hadoop's page size (1 MB) per column would be allocated for every file.
        factories.add(new CodecFactory(new PlainParquetConfiguration(), INITIAL_COMPRESSION_BUFFER));
      }
      List<CompressionCodecFactory.BytesInputCompressor> compressors = new ArrayList<>(columns);
      for (int i = 0; i < columns; i++) {
        compressors.add(factories.get(i).getCompressor(codec));
      }
      return compressors;
    }

    void release() {
      for (CodecFactory factory : factories) {
        factory.release();
      }
      factories.clear();
    }
  }

  /** Kernel's output file as parquet-hadoop's. */
  private static final class KernelOutputFile implements OutputFile {
    private final io.delta.kernel.defaults.engine.fileio.OutputFile file;

    KernelOutputFile(io.delta.kernel.defaults.engine.fileio.OutputFile file) {
      this.file = file;
    }

    @Override
    public org.apache.parquet.io.PositionOutputStream create(long blockSizeHint) throws IOException {
      PositionOutputStream stream = file.create(false);
      return new DelegatingPositionOutputStream(stream) {
        @Override
        public long getPos() throws IOException {
          return stream.getPos();
        }
      };
    }

    @Override
    public org.apache.parquet.io.PositionOutputStream createOrOverwrite(long blockSizeHint)
        throws IOException {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return file.path();
    }
  }
}
