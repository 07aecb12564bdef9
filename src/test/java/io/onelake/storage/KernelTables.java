/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes and reads small Delta tables through Kernel, for end-to-end tests of a FileIO. */
final class KernelTables {
  private KernelTables() {}

  static void createPartitioned(Engine engine, String table, StructType schema, String partitionColumn) {
    TableManager.buildCreateTableTransaction(table, schema, "onelake-jdbc-test")
        .withDataLayoutSpec(DataLayoutSpec.partitioned(List.of(new Column(partitionColumn))))
        .build(engine)
        .commit(engine, CloseableIterable.emptyIterable());
  }

  /** Appends rows given as JSON objects, all belonging to the one partition {@code column=value}. */
  static long append(Engine engine, String table, StructType schema, String column, String value, List<String> jsonRows)
      throws IOException {
    Snapshot snapshot = TableManager.loadSnapshot(table).build(engine);
    Transaction txn = snapshot.buildUpdateTableTransaction("onelake-jdbc-test", Operation.WRITE).build(engine);
    Row state = txn.getTransactionState(engine);
    ColumnarBatch batch = engine.getJsonHandler().parseJson(new StringVector(jsonRows), schema, Optional.empty());
    Map<String, Literal> partition = Map.of(column, Literal.ofString(value));
    CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(
        engine, state, Utils.singletonCloseableIterator(new FilteredColumnarBatch(batch, Optional.empty())), partition);
    DataWriteContext context = Transaction.getWriteContext(engine, state, partition);
    CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
        .writeParquetFiles(KernelPaths.decodeTargetDirectory(context.getTargetDirectory()), physical, context.getStatisticsColumns());
    List<Row> actions = new ArrayList<>();
    Transaction.generateAppendActions(engine, state, files, context).forEachRemaining(actions::add);
    return txn.commit(engine, CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())))
        .getVersion();
  }

  /** All rows of the latest snapshot, each rendered as {@code col1|col2|...}. */
  static List<String> readAll(Engine engine, String table) throws IOException {
    Snapshot snapshot = TableManager.loadSnapshot(table).build(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> scanFileRows = scanFiles.next().getRows()) {
          while (scanFileRows.hasNext()) {
            Row scanFile = scanFileRows.next();
            FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema, Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
              while (data.hasNext()) {
                try (CloseableIterator<Row> dataRows = data.next().getRows()) {
                  while (dataRows.hasNext()) {
                    rows.add(render(dataRows.next(), snapshot.getSchema()));
                  }
                }
              }
            }
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String render(Row row, StructType schema) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < schema.length(); i++) {
      if (i > 0) {
        out.append('|');
      }
      DataType type = schema.at(i).getDataType();
      if (row.isNullAt(i)) {
        out.append("null");
      } else if (type instanceof StringType) {
        out.append(row.getString(i));
      } else {
        out.append(row.getInt(i));
      }
    }
    return out.toString();
  }

  /** The JSON input of {@code parseJson}: a vector of strings. */
  private static final class StringVector implements ColumnVector {
    private final List<String> values;

    StringVector(List<String> values) {
      this.values = List.copyOf(values);
    }

    @Override
    public DataType getDataType() {
      return StringType.STRING;
    }

    @Override
    public int getSize() {
      return values.size();
    }

    @Override
    public void close() {}

    @Override
    public boolean isNullAt(int rowId) {
      return false;
    }

    @Override
    public String getString(int rowId) {
      return values.get(rowId);
    }
  }
}
