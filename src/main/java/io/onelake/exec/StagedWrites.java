/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.delta.DeltaWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Open writers of a JDBC batch, one per table: every INSERT of the batch adds its rows to the writer
 * of its table, and the batch ends with one commit per table (SPEC §4: a JDBC batch is one commit).
 * Outside a batch it is inactive and statements commit on their own.
 */
public final class StagedWrites {
  private final Map<String, DeltaWriter> writers = new LinkedHashMap<>();
  private Thread owner;

  /** Starts staging for the calling thread. */
  public synchronized void begin() {
    if (owner != null) {
      throw new IllegalStateException("a batch is already running on this connection");
    }
    owner = Thread.currentThread();
  }

  /** Whether statements on the calling thread should stage their writes. */
  public synchronized boolean isActive() {
    return owner == Thread.currentThread();
  }

  synchronized DeltaWriter writer(String tablePath, Supplier<DeltaWriter> opener) {
    return writers.computeIfAbsent(tablePath, path -> opener.get());
  }

  /** Commits every staged table; on a failure the remaining ones are discarded. */
  public synchronized void commit() {
    try {
      for (DeltaWriter writer : writers.values()) {
        writer.commit();
      }
    } finally {
      abort();
    }
  }

  /** Discards staged writes and their files. */
  public synchronized void abort() {
    for (DeltaWriter writer : writers.values()) {
      writer.close();
    }
    writers.clear();
    owner = null;
  }
}
