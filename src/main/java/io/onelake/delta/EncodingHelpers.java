/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Spare threads that help a writer thread encode the columns of a Parquet file
 * ({@link ColumnParallelFile}). Their number is bounded per lake by the processors beyond the first, so
 * that many files written at once (partitions) do not start more threads than the machine runs. A
 * writer never waits for help that has not started: it takes whatever work is left itself.
 */
final class EncodingHelpers {
  private final Executor executor;
  private final Semaphore permits;

  EncodingHelpers(Executor executor, int helpers) {
    this.executor = requireNonNull(executor, "executor");
    this.permits = new Semaphore(Math.max(0, helpers));
  }

  /** Helpers for the processors of this machine beyond the writer's own. */
  static EncodingHelpers forProcessors(Executor executor) {
    return new EncodingHelpers(executor, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** Runs {@code work} on a helper if one is free; returns whether one was asked. */
  boolean tryHelp(Runnable work) {
    if (!permits.tryAcquire()) {
      return false;
    }
    try {
      executor.execute(() -> {
        try {
          work.run();
        } finally {
          permits.release();
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      permits.release(); // the lake is closing; the writer does the work
      return false;
    }
  }
}
