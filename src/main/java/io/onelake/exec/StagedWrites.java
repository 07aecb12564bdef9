/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.delta.DeltaWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes staged by a running JDBC batch or by a transaction (auto-commit off), one open writer per
 * table: every INSERT adds its rows to the writer of its table, and the batch's end (or
 * {@code commit()}) makes them visible in one Delta commit per table (SPEC §4). {@code rollback()}
 * discards them and deletes their files. Outside both, statements commit on their own.
 */
public final class StagedWrites {
  private final Map<String, DeltaWriter> writers = new LinkedHashMap<>();
  private final java.util.Set<String> savedTables = new java.util.HashSet<>();
  private Thread batchOwner;
  private boolean transaction;

  /** Starts staging the statements of a JDBC batch run by the calling thread. */
  public synchronized void beginBatch() {
    if (batchOwner != null) {
      throw new IllegalStateException("a batch is already running on this connection");
    }
    batchOwner = Thread.currentThread();
  }

  /**
   * Ends a batch: outside a transaction its writes are committed (or, if it failed, discarded);
   * inside one they stay staged until commit or rollback.
   */
  public synchronized void endBatch(boolean succeeded) {
    batchOwner = null;
    if (transaction) {
      return;
    }
    if (succeeded) {
      commit();
    } else {
      rollback();
    }
  }

  /** Auto-commit off starts a transaction; switching it back on commits what is staged (JDBC). */
  public synchronized void setTransaction(boolean on) {
    if (transaction && !on) {
      commit();
    }
    transaction = on;
  }

  public synchronized boolean inTransaction() {
    return transaction;
  }

  /** Whether statements on the calling thread stage their writes instead of committing them. */
  public synchronized boolean isActive() {
    return transaction || batchOwner == Thread.currentThread();
  }

  synchronized DeltaWriter writer(String tablePath, Supplier<DeltaWriter> opener) {
    return writers.computeIfAbsent(tablePath, path -> opener.get());
  }

  /**
   * Marks a statement boundary inside a transaction: {@link #rollbackStatement()} undoes what the next
   * statement stages, so that a failed statement changes nothing (SPEC §4).
   */
  public synchronized void savepoint() {
    for (DeltaWriter writer : writers.values()) {
      writer.savepoint();
    }
    savedTables.clear();
    savedTables.addAll(writers.keySet());
  }

  /** Undoes what was staged since the last savepoint. */
  public synchronized void rollbackStatement() {
    var entries = writers.entrySet().iterator();
    while (entries.hasNext()) {
      var entry = entries.next();
      if (savedTables.contains(entry.getKey())) {
        entry.getValue().rollbackToSavepoint();
      } else {
        entry.getValue().close(); // opened by the failed statement: discard it whole
        entries.remove();
      }
    }
  }

  /** Commits every staged table, one commit each; if one fails, the rest are discarded. */
  public synchronized void commit() {
    List<DeltaWriter> pending = new ArrayList<>(writers.values());
    writers.clear();
    savedTables.clear();
    try {
      for (DeltaWriter writer : pending) {
        writer.commit();
      }
    } finally {
      for (DeltaWriter writer : pending) {
        writer.close();
      }
    }
  }

  /** Discards the staged writes and deletes their files. */
  public synchronized void rollback() {
    for (DeltaWriter writer : writers.values()) {
      writer.close();
    }
    writers.clear();
    savedTables.clear();
  }
}
