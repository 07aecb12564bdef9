/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable {@link ColumnarBatch} over column vectors, supporting the column edits Kernel makes
 * while it turns logical rows into physical ones (dropping partition columns, renaming to physical
 * names).
 */
final class VectorBatch implements ColumnarBatch {
  private final StructType schema;
  private final List<ColumnVector> vectors;
  private final int size;

  VectorBatch(StructType schema, List<ColumnVector> vectors, int size) {
    this.schema = requireNonNull(schema, "schema");
    this.vectors = List.copyOf(vectors);
    this.size = size;
    if (schema.length() != vectors.size()) {
      throw new IllegalArgumentException(
          "schema has " + schema.length() + " fields but " + vectors.size() + " vectors were given");
    }
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return vectors.get(ordinal);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, field);
    List<ColumnVector> newVectors = new ArrayList<>(vectors);
    newVectors.add(ordinal, vector);
    return new VectorBatch(new StructType(fields), newVectors, size);
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> newVectors = new ArrayList<>(vectors);
    newVectors.remove(ordinal);
    return new VectorBatch(new StructType(fields), newVectors, size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    return new VectorBatch(newSchema, vectors, size);
  }
}
