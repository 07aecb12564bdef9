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
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
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
 * just built ({@link FooterStatistics}), the size is checked every {@value #SIZE_CHECK_ROWS} rows, and
 * the driver's own vectors ({@link LongVector}, {@link IntVector}) are read without boxing.
 * Nested types and column-mapping field ids are left to Kernel's writer ({@link #supports}).
 */
final class FlatParquetFiles {
  /** Rows between two checks of the file size: a file overshoots the target by at most this many. */
  static final int SIZE_CHECK_ROWS = 32;
  private static final String WRITER_KEY = "io.onelake.writer";

  private final FileIO fileIO;
  private final String directory;
  private final List<Column> statsColumns;
  private final CompressionCodecName codec;
  private final long targetFileSize;
  private final Optional<Long> rowGroupBytes;
  private final DictionaryHints dictionaryHints;

  FlatParquetFiles(FileIO fileIO, String directory, List<Column> statsColumns,
      WriteOptions options, DictionaryHints dictionaryHints) {
    this.dictionaryHints = requireNonNull(dictionaryHints, "dictionaryHints");
    this.fileIO = requireNonNull(fileIO, "fileIO");
    this.directory = requireNonNull(directory, "directory");
    this.statsColumns = List.copyOf(statsColumns);
    this.codec = CompressionCodecName.fromConf(options.compression());
    this.targetFileSize = options.targetFileSizeBytes();
    this.rowGroupBytes = fileIO.getConf(WriteOptions.ROW_GROUP_SIZE_KEY).map(Long::parseLong);
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
    RowWriteSupport support = null;
    OpenFile file = null;
    try {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        ColumnarBatch data = batch.getData();
        if (data.getSize() == 0) {
          continue;
        }
        if (support == null) {
          support = new RowWriteSupport(data.getSchema());
        } else if (!support.schema.equals(data.getSchema())) {
          throw new IllegalArgumentException("batches of different schemas: " + support.schema
              + " and " + data.getSchema());
        }
        support.bind(data);
        ColumnVector selection = batch.getSelectionVector().orElse(null);
        for (int row = 0; row < data.getSize(); row++) {
          if (selection != null && (selection.isNullAt(row) || !selection.getBoolean(row))) {
            continue;
          }
          if (file == null) {
            file = open(support);
          }
          support.row = row;
          file.writer.write(support);
          if (++file.rows % SIZE_CHECK_ROWS == 0 && file.writer.getDataSize() >= targetFileSize) {
            files.add(file.close());
            file = null;
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
        file.abandon();
      }
    }
  }

  private OpenFile open(RowWriteSupport support) throws IOException {
    String path = directory + (directory.endsWith("/") ? "" : "/") + UUID.randomUUID() + "-000.parquet";
    io.delta.kernel.defaults.engine.fileio.OutputFile target = fileIO.newOutputFile(path);
    // A plain configuration: parquet-hadoop's defaults without Hadoop's XML resources.
    ParquetConfiguration conf = new PlainParquetConfiguration();
    Builder builder = new Builder(new KernelOutputFile(target), support)
        .withConf(conf)
        .withCompressionCodec(codec);
    rowGroupBytes.ifPresent(builder::withRowGroupSize);
    Set<String> plainColumns = dictionaryHints.nextFile();
    for (String column : plainColumns) {
      builder.withDictionaryEncoding(column, false);
    }
    ParquetWriter<RowWriteSupport> writer = builder.build();
    return new OpenFile(path, writer, support.schema, plainColumns.isEmpty());
  }

  /** One Parquet file being written. */
  private final class OpenFile {
    final String path;
    final ParquetWriter<RowWriteSupport> writer;
    final StructType schema;
    /** Whether every column tried a dictionary, so that the file tells which ones pay. */
    final boolean allDictionaries;
    long rows;

    OpenFile(String path, ParquetWriter<RowWriteSupport> writer, StructType schema,
        boolean allDictionaries) {
      this.path = path;
      this.writer = writer;
      this.schema = schema;
      this.allDictionaries = allDictionaries;
    }

    DataFileStatus close() throws IOException {
      writer.close();
      if (allDictionaries) {
        dictionaryHints.learn(writer.getFooter());
      }
      FileStatus status = fileIO.getFileStatus(path);
      DataFileStatistics stats = statsColumns.isEmpty()
          ? new DataFileStatistics(rows, Map.of(), Map.of(), Map.of(), Optional.empty())
          : FooterStatistics.of(writer.getFooter(), schema, statsColumns);
      return new DataFileStatus(fileIO.resolvePath(path), status.getSize(),
          status.getModificationTime(), Optional.of(stats));
    }

    /** After a failure: the file is deleted with the statement's other files (TrackingFileIO). */
    void abandon() {
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        // The write failed already; this is only cleanup.
      }
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

  private static final class Builder extends ParquetWriter.Builder<RowWriteSupport, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<RowWriteSupport> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<RowWriteSupport> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }

  /**
   * Writes row {@link #row} of the bound batch; the "record" handed to parquet-hadoop is this object
   * itself, so that no object is made per row.
   */
  private static final class RowWriteSupport extends WriteSupport<RowWriteSupport> {
    final StructType schema;
    private final MessageType parquetSchema;
    private final FieldWriter[] writers;
    private RecordConsumer consumer;
    int row;

    RowWriteSupport(StructType schema) {
      this.schema = schema;
      this.parquetSchema = parquetSchema(schema);
      this.writers = new FieldWriter[schema.length()];
    }

    void bind(ColumnarBatch batch) {
      for (int i = 0; i < writers.length; i++) {
        writers[i] = FieldWriter.of(schema.at(i).getName(), i, batch.getColumnVector(i));
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return context();
    }

    private WriteContext context() {
      return new WriteContext(parquetSchema,
          Map.of(WRITER_KEY, OneLakeVersion.NAME + "/" + OneLakeVersion.VERSION));
    }

    @Override
    public String getName() {
      return "onelake";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(RowWriteSupport self) {
      RecordConsumer out = consumer;
      int rowId = row;
      out.startMessage();
      for (FieldWriter writer : writers) {
        writer.write(out, rowId);
      }
      out.endMessage();
    }
  }

  /** Writes the values of one column vector. */
  private abstract static class FieldWriter {
    private final String name;
    private final int index;
    final ColumnVector vector;

    FieldWriter(String name, int index, ColumnVector vector) {
      this.name = name;
      this.index = index;
      this.vector = vector;
    }

    static FieldWriter of(String name, int index, ColumnVector vector) {
      DataType type = vector.getDataType();
      if (vector instanceof LongVector) {
        long[] values = ((LongVector) vector).values();
        if (type instanceof DecimalType && ((DecimalType) type).getPrecision() <= 9) {
          return new FieldWriter(name, index, vector) {
            @Override
            void writeValue(RecordConsumer out, int row) {
              out.addInteger((int) values[row]);
            }
          };
        }
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addLong(values[row]);
          }
        };
      }
      if (vector instanceof IntVector) {
        int[] values = ((IntVector) vector).values();
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addInteger(values[row]);
          }
        };
      }
      if (type instanceof BooleanType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addBoolean(vector.getBoolean(row));
          }
        };
      } else if (type instanceof ByteType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addInteger(vector.getByte(row));
          }
        };
      } else if (type instanceof ShortType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addInteger(vector.getShort(row));
          }
        };
      } else if (type instanceof IntegerType || type instanceof DateType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addInteger(vector.getInt(row));
          }
        };
      } else if (type instanceof LongType || type instanceof TimestampType
          || type instanceof TimestampNTZType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addLong(vector.getLong(row));
          }
        };
      } else if (type instanceof FloatType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addFloat(vector.getFloat(row));
          }
        };
      } else if (type instanceof DoubleType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addDouble(vector.getDouble(row));
          }
        };
      } else if (type instanceof DecimalType) {
        return decimal(name, index, vector, (DecimalType) type);
      } else if (type instanceof StringType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addBinary(Binary.fromConstantByteArray(
                vector.getString(row).getBytes(StandardCharsets.UTF_8)));
          }
        };
      } else if (type instanceof BinaryType) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addBinary(Binary.fromConstantByteArray(vector.getBinary(row)));
          }
        };
      }
      throw new IllegalArgumentException("not a flat column type: " + type);
    }

    /** Decimals as Kernel writes them: INT32, INT64 or big-endian two's complement bytes. */
    private static FieldWriter decimal(String name, int index, ColumnVector vector, DecimalType type) {
      int scale = type.getScale();
      if (type.getPrecision() <= 9) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addInteger(vector.getDecimal(row).movePointRight(scale).intValue());
          }
        };
      } else if (type.getPrecision() <= ColumnBuffer.MAX_LONG_DECIMAL_DIGITS) {
        return new FieldWriter(name, index, vector) {
          @Override
          void writeValue(RecordConsumer out, int row) {
            out.addLong(vector.getDecimal(row).movePointRight(scale).longValue());
          }
        };
      }
      int width = decimalBytes(type.getPrecision());
      return new FieldWriter(name, index, vector) {
        @Override
        void writeValue(RecordConsumer out, int row) {
          byte[] bytes = vector.getDecimal(row).setScale(scale).unscaledValue().toByteArray();
          byte[] fixed = new byte[width];
          Arrays.fill(fixed, 0, width - bytes.length, bytes[0] < 0 ? (byte) -1 : 0);
          System.arraycopy(bytes, 0, fixed, width - bytes.length, bytes.length);
          out.addBinary(Binary.fromConstantByteArray(fixed));
        }
      };
    }

    final void write(RecordConsumer out, int row) {
      if (!vector.isNullAt(row)) {
        out.startField(name, index);
        writeValue(out, row);
        out.endField(name, index);
      }
    }

    abstract void writeValue(RecordConsumer out, int row);
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
