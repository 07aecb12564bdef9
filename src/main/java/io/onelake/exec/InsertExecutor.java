/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.onelake.OneLakeException;
import io.onelake.delta.DeltaTableStats;
import io.onelake.delta.DeltaWriter;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * INSERT INTO t [(columns)] VALUES ... | SELECT ...: a blind append of the statement's rows in one commit
 * (Kernel retries it on top of concurrent commits), or, inside a JDBC batch, rows added to the batch's
 * single commit. Honours {@code onelake_insert_mode} {@code append}, {@code error_if_exists} and
 * {@code ignore}.
 */
public final class InsertExecutor {
  private final Session session;

  public InsertExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  /** Runs the statement; returns the number of rows inserted. */
  public long execute(InsertSpec spec, DataContext context) {
    SessionSettings settings = session.settings();
    if (settings.flag(SessionSetting.SAFE_CAST)) {
      throw OneLakeException.unsupported("INSERT with onelake_safe_cast = true");
    }
    Snapshot snapshot = spec.target().snapshot();
    String mode = settings.get(SessionSetting.INSERT_MODE);
    switch (mode) {
      case "append":
        break;
      case "error_if_exists":
        if (hasRows(snapshot)) {
          throw new OneLakeException(OneLakeException.TABLE_EXISTS, "Table "
              + spec.target().id().displayName() + " already has data and onelake_insert_mode is "
              + "error_if_exists");
        }
        break;
      case "ignore":
        if (hasRows(snapshot)) {
          return 0;
        }
        break;
      default:
        throw OneLakeException.unsupported("INSERT with onelake_insert_mode = " + mode);
    }
    KernelRowConverter converter = new KernelRowConverter(snapshot.getSchema(),
        spec.rows().rowType().getFieldList().stream().map(RelDataTypeField::getType).toList(),
        session.timeZone());
    StagedWrites batch = session.batch();
    boolean staged = batch.isActive();
    DeltaWriter writer = staged
        ? batch.writer(snapshot.getPath(), () -> open(snapshot))
        : open(snapshot);
    long before = writer.rowCount();
    try {
      try (Enumerator<Object> rows = spec.rows().rows(context).enumerator()) {
        while (rows.moveNext()) {
          writer.write(converter.convert(rows.current()));
        }
      }
      long inserted = writer.rowCount() - before;
      if (!staged) {
        writer.commit();
      }
      return inserted;
    } finally {
      if (!staged) {
        writer.close();
      }
    }
  }

  private DeltaWriter open(Snapshot snapshot) {
    return DeltaWriter.append(session.lake(), snapshot, session.settings().writeOptions());
  }

  private boolean hasRows(Snapshot snapshot) {
    Optional<Long> rows = DeltaTableStats.rowCount(session.lake().engine(), snapshot);
    return rows.map(count -> count > 0).orElse(true);
  }
}
