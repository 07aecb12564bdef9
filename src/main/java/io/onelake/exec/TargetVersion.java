/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.delta.kernel.Snapshot;
import io.delta.kernel.types.StructType;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The version of its target table a write statement works on when it executes. */
final class TargetVersion {
  private TargetVersion() {}

  /**
   * The table as it is now: a PreparedStatement may run long after it was prepared, and what it
   * changes must be today's rows. Its rows were typed for the prepared definition, which must still
   * hold (SQLState 40001 otherwise).
   */
  static Snapshot current(Session session, DeltaTable target) {
    return current(session, target, Optional.empty());
  }

  /**
   * As {@link #current(Session, DeltaTable)}, also accepting a table that already has the schema the
   * statement gives it (a prepared statement that changed the schema and runs again).
   */
  static Snapshot current(Session session, DeltaTable target, Optional<StructType> newSchema) {
    Snapshot prepared = target.snapshot();
    Snapshot current = session.lake().latest(prepared.getPath(), session.settings().metadataCacheTtl())
        .orElseThrow(() -> new OneLakeException(OneLakeException.TABLE_NOT_FOUND,
            "Table " + target.id().displayName() + " no longer exists"));
    boolean knownSchema = current.getSchema().equals(prepared.getSchema())
        || newSchema.filter(current.getSchema()::equals).isPresent();
    if (!knownSchema
        || !current.getPartitionColumnNames().equals(prepared.getPartitionColumnNames())) {
      throw new OneLakeException(OneLakeException.SERIALIZATION_FAILURE, "Table "
          + target.id().displayName() + " changed its definition after the statement was "
          + "prepared (version " + prepared.getVersion() + "); prepare the statement again");
    }
    return current;
  }

  /**
   * Refuses row-level changes (removing rows from files) that the table's properties forbid or that
   * the driver cannot record completely (SQLState 0A000): never write a table wrongly.
   */
  static void checkRowLevelChangesAllowed(Snapshot snapshot, DeltaTable target, String statement) {
    Map<String, String> properties = snapshot.getTableProperties();
    String name = target.id().displayName();
    if (isTrue(properties, "delta.appendOnly")) {
      throw new OneLakeException(OneLakeException.FEATURE_NOT_SUPPORTED, statement + " on " + name
          + ": the table is append-only (delta.appendOnly = true)");
    }
    if (isTrue(properties, "delta.enableChangeDataFeed")) {
      throw OneLakeException.unsupported(statement + " on " + name + ", which has the change data "
          + "feed enabled (delta.enableChangeDataFeed): the driver does not write change data files");
    }
    if (isTrue(properties, "delta.enableRowTracking")) {
      throw OneLakeException.unsupported(statement + " on " + name + ", which has row tracking "
          + "enabled (delta.enableRowTracking)");
    }
  }

  private static boolean isTrue(Map<String, String> properties, String key) {
    return "true".equals(properties.getOrDefault(key, "false").trim().toLowerCase(Locale.ROOT));
  }
}
