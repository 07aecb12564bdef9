/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.SnapshotImpl;
import io.onelake.OneLakeVersion;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delta tables of one storage: loads snapshots through Delta Kernel and keeps the latest snapshot of
 * each table for a short time, so that a burst of statements does not list the log again and again.
 */
public final class DeltaLake {
  /** Recorded in every commit's engineInfo (Kernel prefixes its own version). */
  public static final String ENGINE_INFO = OneLakeVersion.NAME + "/" + OneLakeVersion.VERSION;
  private static final int MAX_CACHED_COUNTS = 1024;

  private final FileIO fileIO;
  private final Engine engine;
  private final ConcurrentMap<String, CachedSnapshot> latest = new ConcurrentHashMap<>();
  /** Row counts by table version: the planner asks for them on every statement. */
  private final ConcurrentMap<String, Optional<Long>> rowCounts = new ConcurrentHashMap<>();
  /**
   * The Parquet writer threads of this lake's writes, shared by its statements: a JDBC batch commits
   * every few thousand rows, and a new pool (and thread) per commit showed in its profile. Idle
   * threads end after a minute.
   */
  private final ExecutorService writerThreads;
  /** Writer threads that help another encode the columns of its file (bounded by the processors). */
  private final EncodingHelpers encodingHelpers;
  /** One thread at most, idle threads end: see {@link #inBackground}. */
  private final ThreadPoolExecutor background;
  /** Per table: which columns its recent files wrote without a dictionary. */
  private final ConcurrentMap<String, DictionaryHints> dictionaryHints = new ConcurrentHashMap<>();

  public DeltaLake(FileIO fileIO) {
    this.fileIO = new PlainReadsFileIO(requireNonNull(fileIO, "fileIO"));
    this.engine = DefaultEngine.create(this.fileIO);
    AtomicInteger threadIds = new AtomicInteger();
    this.writerThreads =
        Executors.newCachedThreadPool(daemonThreads("onelake-parquet-writer-", threadIds));
    this.encodingHelpers = EncodingHelpers.forProcessors(writerThreads);
    this.background = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
        daemonThreads("onelake-checkpoint-", threadIds));
    background.allowCoreThreadTimeOut(true);
  }

  private static ThreadFactory daemonThreads(String namePrefix, AtomicInteger ids) {
    return runnable -> {
      Thread thread = new Thread(runnable, namePrefix + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Threads for writing Parquet files while a statement produces rows. */
  ExecutorService writerThreads() {
    return writerThreads;
  }

  /** Threads that help a writer thread encode its file's columns. */
  EncodingHelpers encodingHelpers() {
    return encodingHelpers;
  }

  /** The dictionary hints of a table's Parquet files, kept while the connection lives. */
  DictionaryHints dictionaryHints(String tablePath) {
    if (dictionaryHints.size() > MAX_CACHED_COUNTS) {
      dictionaryHints.clear();
    }
    return dictionaryHints.computeIfAbsent(tablePath, path -> new DictionaryHints());
  }

  /**
   * Runs work a statement does not wait for (a checkpoint), one task after the other in the order
   * given, so that a later checkpoint's {@code _last_checkpoint} is never overwritten by an earlier
   * one's; {@link #close} waits for it.
   */
  void inBackground(Runnable task) {
    try {
      background.execute(task);
    } catch (RejectedExecutionException e) {
      task.run(); // closing: do it now
    }
  }

  /** Waits for background work (up to a minute) and lets the writer threads end. */
  public void close() {
    writerThreads.shutdown();
    background.shutdown();
    try {
      background.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The engine for reads. */
  public Engine engine() {
    return engine;
  }

  FileIO fileIO() {
    return fileIO;
  }

  /**
   * The latest snapshot of the table at {@code tablePath}, reusing one loaded less than {@code maxAge}
   * ago; empty if there is no Delta table there.
   */
  public Optional<Snapshot> latest(String tablePath, Duration maxAge) {
    requireNonNull(tablePath, "tablePath");
    long now = System.nanoTime();
    CachedSnapshot cached = latest.get(tablePath);
    if (cached != null && now - cached.loadedAtNanos() < maxAge.toNanos()) {
      return Optional.of(cached.snapshot());
    }
    try {
      Snapshot snapshot = TableManager.loadSnapshot(tablePath).build(engine);
      latest.put(tablePath, new CachedSnapshot(snapshot, now));
      return Optional.of(snapshot);
    } catch (TableNotFoundException e) {
      latest.remove(tablePath);
      return Optional.empty();
    }
  }

  /** The table as of a version; fails if the version does not exist. */
  public Snapshot atVersion(String tablePath, long version) {
    return TableManager.loadSnapshot(tablePath).atVersion(version).build(engine);
  }

  /** The latest version committed at or before the instant (Delta's TIMESTAMP AS OF). */
  public Snapshot atTimestamp(String tablePath, long epochMillis) {
    Snapshot newest = TableManager.loadSnapshot(tablePath).build(engine);
    return TableManager.loadSnapshot(tablePath).atTimestamp(epochMillis, newest).build(engine);
  }

  /**
   * The table's row count from the log statistics of the version, computed once per version (the
   * planner asks on every statement, and replaying the log's file list is not free).
   */
  public Optional<Long> rowCount(Snapshot snapshot) {
    if (rowCounts.size() > MAX_CACHED_COUNTS) {
      rowCounts.clear();
    }
    return rowCounts.computeIfAbsent(snapshot.getPath() + "@" + snapshot.getVersion(),
        key -> DeltaTableStats.rowCount(engine, snapshot));
  }

  /** The table's description (its COMMENT), kept in the metadata, which Kernel's API does not show. */
  public static Optional<String> description(Snapshot snapshot) {
    return ((SnapshotImpl) snapshot).getMetadata().getDescription();
  }

  /** Forgets the cached snapshot after this connection changed the table. */
  public void invalidate(String tablePath) {
    latest.remove(tablePath);
  }

  /** Remembers the snapshot a commit produced, so that the next statement need not reload it. */
  void remember(Snapshot snapshot) {
    latest.put(snapshot.getPath(), new CachedSnapshot(snapshot, System.nanoTime()));
  }

  private record CachedSnapshot(Snapshot snapshot, long loadedAtNanos) {}
}
