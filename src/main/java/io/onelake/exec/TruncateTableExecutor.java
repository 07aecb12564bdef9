/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaWriter;
import java.util.Map;

/**
 * TRUNCATE TABLE: one commit that removes every data file and keeps schema, properties and history
 * (the files stay until VACUUM, so time travel still sees the old rows).
 */
public final class TruncateTableExecutor {
  private final Session session;

  public TruncateTableExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(DeltaTable table) {
    if (session.batch().isActive()) {
      throw OneLakeException.unsupported("TRUNCATE TABLE inside a JDBC batch or a transaction");
    }
    try (DeltaWriter writer = DeltaWriter.overwrite(session.lake(), table.snapshot(),
        session.settings().writeOptions())) {
      writer.label(new CommitLabel("TRUNCATE", Map.of(), Map.of(), false));
      writer.commit();
    }
    return 0;
  }
}
