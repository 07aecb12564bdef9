/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * The planned queries of one connection, by SQL text and everything else that changes the plan, so
 * that running the same query again skips parsing, validation, planning and code generation. A
 * bounded LRU; {@code io.onelake.sql.OneLakePrepare} decides what may be cached (queries only, never
 * commands) and evicts an entry whose execution failed. A plan reads the tables' current versions on
 * every execution, as a PreparedStatement does; it is only planned once.
 */
public final class PlanCache {
  /** The system property with the number of plans kept per connection; {@code 0} turns caching off. */
  public static final String SIZE_PROPERTY = "onelake.planCache.size";
  static final int DEFAULT_SIZE = 100;

  private final int maxSize;
  private final Map<Key, Entry> entries;

  PlanCache(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must not be negative: " + maxSize);
    }
    this.maxSize = maxSize;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > PlanCache.this.maxSize;
      }
    };
  }

  /** A cache of the size the {@link #SIZE_PROPERTY} system property gives (default 100). */
  static PlanCache fromSystemProperty() {
    String size = System.getProperty(SIZE_PROPERTY);
    if (size == null || size.isBlank()) {
      return new PlanCache(DEFAULT_SIZE);
    }
    try {
      return new PlanCache(Math.max(0, Integer.parseInt(size.trim())));
    } catch (NumberFormatException e) {
      return new PlanCache(DEFAULT_SIZE);
    }
  }

  public boolean enabled() {
    return maxSize > 0;
  }

  /**
   * The plan cached under {@code key} if it was planned with catalog listing {@code generation};
   * a plan of an older listing is dropped (tables were created or dropped since).
   */
  public synchronized Optional<CalcitePrepare.CalciteSignature<?>> get(Key key, long generation) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.generation() != generation) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.signature());
  }

  public synchronized void put(Key key, long generation, CalcitePrepare.CalciteSignature<?> signature) {
    if (enabled()) {
      entries.put(key, new Entry(generation, signature));
    }
  }

  /** Forgets a plan, so that the next execution of its SQL plans again. */
  public synchronized void evict(Key key) {
    entries.remove(key);
  }

  public synchronized void clear() {
    entries.clear();
  }

  public synchronized int size() {
    return entries.size();
  }

  /**
   * What a plan depends on besides the tables: the SQL text, the connection's default schema, the row
   * limit and every session setting (settings such as onelake_safe_cast change plans; keying on all
   * of them is simpler than knowing which). The time zone is fixed per connection.
   */
  public record Key(String sql, List<String> defaultSchemaPath, long maxRowCount,
      List<Map.Entry<String, String>> settings) {
    public Key {
      requireNonNull(sql, "sql");
      defaultSchemaPath = List.copyOf(defaultSchemaPath);
      settings = List.copyOf(settings);
    }
  }

  private record Entry(long generation, CalcitePrepare.CalciteSignature<?> signature) {}
}
