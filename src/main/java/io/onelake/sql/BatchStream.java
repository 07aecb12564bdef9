/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * A JDBC batch written while the application still adds to it: each parameter set goes to the
 * statement's writer at {@code addBatch}, and the batch's one commit happens when it runs. Nothing is
 * visible before {@link #commit}; {@link #close()} without it deletes what was written.
 *
 * <p>A stream is an optimization with the same outcome as running the whole batch at
 * {@code executeBatch}: when {@link #add} fails (a value that does not convert, a storage error) or
 * {@link #stillApplies} says no, the caller closes the stream and runs the batch the ordinary way,
 * which reports the failure as it always does.
 */
public interface BatchStream extends AutoCloseable {
  /** Writes one parameter set. */
  void add(List<TypedValue> parameters);

  /**
   * Whether committing gives what running the batch now would: it holds exactly {@code parameterSets}
   * sets and the connection's state and settings are those it was opened under.
   */
  boolean stillApplies(int parameterSets);

  /** Commits the batch once; returns an update count per parameter set. */
  long[] commit();

  /** Deletes what was written unless it was committed. */
  @Override
  void close();
}
