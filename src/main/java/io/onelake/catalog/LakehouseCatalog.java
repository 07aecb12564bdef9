/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.onelake.delta.DeltaLake;
import io.onelake.storage.LakehouseStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The schemas and tables of one lakehouse, found by listing folders (SPEC §2): {@code Tables/<table>}
 * is a table of the default schema {@code dbo}; in schema-enabled lakehouses tables live in
 * {@code Tables/<schema>/<table>}. A folder is a table when it holds {@code _delta_log/}. Listings are
 * cached for the metadata TTL so that tools that ask for the same metadata many times stay fast; Delta
 * logs are never read here.
 */
public final class LakehouseCatalog {
  public static final String DEFAULT_SCHEMA = "dbo";
  static final String TABLES = "Tables";
  static final String DELTA_LOG = "_delta_log";

  private final String name;
  private final LakehouseStorage storage;
  private final DeltaLake lake;
  private final Supplier<Duration> cacheTtl;
  private final ZoneId timeZone;
  private final ConcurrentMap<String, Listing> listings = new ConcurrentHashMap<>();
  private final ExecutionSnapshots executionSnapshots = new ExecutionSnapshots();
  /** Counts listing changes; cached query plans are tied to the generation they were planned in. */
  private final AtomicLong generation = new AtomicLong();

  public LakehouseCatalog(String name, LakehouseStorage storage, DeltaLake lake,
      Supplier<Duration> cacheTtl, ZoneId timeZone) {
    this.timeZone = requireNonNull(timeZone, "timeZone");
    this.name = requireNonNull(name, "name");
    this.storage = requireNonNull(storage, "storage");
    this.lake = requireNonNull(lake, "lake");
    this.cacheTtl = requireNonNull(cacheTtl, "cacheTtl");
  }

  /** The lakehouse name, which is the JDBC catalog. */
  public String name() {
    return name;
  }

  /** The table versions of running executions. */
  public ExecutionSnapshots executionSnapshots() {
    return executionSnapshots;
  }

  public DeltaLake lake() {
    return lake;
  }

  public LakehouseStorage storage() {
    return storage;
  }

  /** The session time zone in which Delta timestamps are shown (see {@link DeltaTypes}). */
  public ZoneId timeZone() {
    return timeZone;
  }

  public Duration metadataTtl() {
    return cacheTtl.get();
  }

  /** Schema names, {@code dbo} first. */
  public List<String> schemaNames() {
    List<String> names = new ArrayList<>();
    names.add(DEFAULT_SCHEMA);
    for (String folder : list(tablesRoot())) {
      if (!folder.equalsIgnoreCase(DEFAULT_SCHEMA) && !isTableFolder(child(tablesRoot(), folder))) {
        names.add(folder);
      }
    }
    return names;
  }

  /** Tables of a schema, by their folder names, sorted case-insensitively. */
  public List<TableId> tables(String schema) {
    TreeMap<String, TableId> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (schema.equalsIgnoreCase(DEFAULT_SCHEMA)) {
      for (String folder : list(tablesRoot())) {
        String path = child(tablesRoot(), folder);
        if (isTableFolder(path)) {
          tables.put(folder, new TableId(DEFAULT_SCHEMA, folder, path));
        }
      }
    }
    Optional<String> schemaFolder = schemaFolder(schema);
    if (schemaFolder.isPresent()) {
      String schemaPath = child(tablesRoot(), schemaFolder.get());
      for (String folder : list(schemaPath)) {
        String path = child(schemaPath, folder);
        if (isTableFolder(path)) {
          tables.putIfAbsent(folder, new TableId(canonicalSchemaName(schema), folder, path));
        }
      }
    }
    return new ArrayList<>(tables.values());
  }

  /** Finds a table by name, case-insensitively. */
  public Optional<TableId> table(String schema, String table) {
    for (TableId id : tables(schema)) {
      if (id.name().equalsIgnoreCase(table)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /** The schema as its folder spells it, if it exists. */
  public Optional<String> schema(String schema) {
    for (String existing : schemaNames()) {
      if (existing.equalsIgnoreCase(schema)) {
        return Optional.of(existing);
      }
    }
    return Optional.empty();
  }

  /**
   * Where a new table of the schema goes: {@code Tables/<schema>/<table>} when the lakehouse has schema
   * folders (always for schemas other than dbo), else {@code Tables/<table>}.
   */
  public String newTablePath(String schema, String table) {
    Optional<String> folder = schemaFolder(schema);
    if (folder.isPresent()) {
      return child(child(tablesRoot(), folder.get()), table);
    }
    if (schema.equalsIgnoreCase(DEFAULT_SCHEMA)) {
      return child(tablesRoot(), table);
    }
    throw new IllegalArgumentException("schema " + schema + " does not exist");
  }

  /** The folder of a (new or existing) schema: {@code Tables/<schema>}. */
  public String schemaPath(String schema) {
    return child(tablesRoot(), schemaFolder(schema).orElse(schema));
  }

  /** Forgets cached listings after this connection created or dropped something. */
  public void invalidate() {
    listings.clear();
    generation.incrementAndGet();
  }

  /**
   * A number that changes whenever this connection created or dropped a table or schema, or a
   * re-listing (after the metadata TTL) found folders appear or disappear.
   */
  public long generation() {
    return generation.get();
  }

  private String canonicalSchemaName(String schema) {
    return schema.equalsIgnoreCase(DEFAULT_SCHEMA) ? DEFAULT_SCHEMA : schema(schema).orElse(schema);
  }

  private Optional<String> schemaFolder(String schema) {
    for (String folder : list(tablesRoot())) {
      if (folder.equalsIgnoreCase(schema) && !isTableFolder(child(tablesRoot(), folder))) {
        return Optional.of(folder);
      }
    }
    return Optional.empty();
  }

  private boolean isTableFolder(String path) {
    for (String child : list(path)) {
      if (child.equals(DELTA_LOG)) {
        return true;
      }
    }
    return false;
  }

  private String tablesRoot() {
    return storage.resolve(TABLES);
  }

  private static String child(String parent, String name) {
    return parent + "/" + name;
  }

  private List<String> list(String directory) {
    long now = System.nanoTime();
    Listing cached = listings.get(directory);
    if (cached != null && now - cached.listedAtNanos() < cacheTtl.get().toNanos()) {
      return cached.children();
    }
    List<String> children;
    try {
      children = List.copyOf(storage.listDirectories(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory + ": " + e.getMessage(), e);
    }
    Listing previous = listings.put(directory, new Listing(children, now));
    if (previous != null && !previous.children().equals(children)) {
      generation.incrementAndGet();
    }
    return children;
  }

  @Override
  public String toString() {
    return "LakehouseCatalog[" + name.toLowerCase(Locale.ROOT) + "]";
  }

  private record Listing(List<String> children, long listedAtNanos) {}
}
