/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;

/**
 * The table versions one execution of a statement reads. A statement is planned once but may be
 * executed many times (a PreparedStatement); every execution must read the tables as they are when it
 * runs, and read each table at one version however often the statement refers to it (self-joins,
 * subqueries, the phases of a DML statement). Executions are identified by their {@link DataContext};
 * the internal queries of a command name their command's execution through {@link #EXECUTION_VARIABLE}.
 */
public final class ExecutionSnapshots {
  /** A DataContext variable naming the execution an internal query belongs to. */
  public static final String EXECUTION_VARIABLE = "onelake.execution";

  // Weak keys: an execution's pins go away with its DataContext, i.e. when its results are closed.
  private final Map<Object, Map<String, Snapshot>> pins = new WeakHashMap<>();

  /** The execution a data context belongs to. */
  public static Object executionOf(DataContext context) {
    requireNonNull(context, "context");
    Object execution = context.get(EXECUTION_VARIABLE);
    return execution != null ? execution : context;
  }

  /** The version of {@code tablePath} this execution reads, loaded by {@code loader} on first use. */
  public Snapshot pin(DataContext context, String tablePath, Supplier<Snapshot> loader) {
    Object execution = executionOf(context);
    synchronized (pins) {
      Snapshot pinned = pins.computeIfAbsent(execution, key -> new HashMap<>()).get(tablePath);
      if (pinned != null) {
        return pinned;
      }
    }
    Snapshot loaded = requireNonNull(loader.get(), "loaded snapshot");
    synchronized (pins) {
      // Two scans of one execution loading at once: the first pin wins, both read it.
      return pins.computeIfAbsent(execution, key -> new HashMap<>())
          .merge(tablePath, loaded, (first, second) -> first);
    }
  }

  /** Makes the execution read {@code snapshot} of its table (a DML statement's read version). */
  public void pin(DataContext context, Snapshot snapshot) {
    Object execution = executionOf(context);
    synchronized (pins) {
      pins.computeIfAbsent(execution, key -> new HashMap<>()).put(snapshot.getPath(), snapshot);
    }
  }
}
