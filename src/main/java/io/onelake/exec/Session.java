/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.CatalogSession;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.delta.DeltaLake;
import io.onelake.storage.LakehouseStorage;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one JDBC connection works with: its lakehouse (storage, Delta tables, catalog), its
 * settings and time zone, and the writes staged by a running JDBC batch.
 */
public final class Session implements CatalogSession, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final LakehouseStorage storage;
  private final DeltaLake lake;
  private final LakehouseCatalog catalog;
  private final SessionSettings settings;
  private final ZoneId timeZone;
  private final StagedWrites batch = new StagedWrites();
  // Connection.setReadOnly, synchronized from the JDBC layer; read by every writing statement.
  private volatile boolean readOnly;
  private final PlanCache planCache = PlanCache.fromSystemProperty();

  public Session(String lakehouseName, LakehouseStorage storage, SessionSettings settings,
      ZoneId timeZone) {
    this.storage = requireNonNull(storage, "storage");
    this.settings = requireNonNull(settings, "settings");
    this.timeZone = requireNonNull(timeZone, "timeZone");
    this.lake = new DeltaLake(storage.fileIO());
    this.catalog = new LakehouseCatalog(lakehouseName, storage, lake, settings::metadataCacheTtl,
        timeZone);
  }

  @Override
  public LakehouseCatalog catalog() {
    return catalog;
  }

  public DeltaLake lake() {
    return lake;
  }

  public SessionSettings settings() {
    return settings;
  }

  @Override
  public ZoneId timeZone() {
    return timeZone;
  }

  /** Writes of the running JDBC batch or transaction, committed together at its end. */
  /** Whether the connection was set read-only (JDBC {@code Connection.setReadOnly(true)}). */
  public boolean readOnly() {
    return readOnly;
  }

  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** Refuses a statement that would change data or definitions while the connection is read-only. */
  public void checkWritable() {
    if (readOnly) {
      throw new io.onelake.OneLakeException(io.onelake.OneLakeException.READ_ONLY, "The connection is "
          + "read-only (Connection.setReadOnly(true)); this statement would change the lakehouse");
    }
  }

  public StagedWrites batch() {
    return batch;
  }

  /** The connection's planned queries, by SQL text. */
  public PlanCache planCache() {
    return planCache;
  }

  @Override
  public void close() {
    planCache.clear();
    batch.rollback();
    lake.close();
    try {
      storage.close();
    } catch (Exception e) {
      LOG.warn("Closing the storage of {} failed: {}", catalog.name(), e.toString());
    }
  }
}
