/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The root of a connection's schema tree. Its sub-schemas are the lakehouse schemas ({@code dbo}, ...),
 * so that {@code t} (default schema dbo) and {@code schema.t} resolve; one more sub-schema named after
 * the lakehouse holds the same schemas again, so that three-part names {@code lakehouse.schema.t}
 * resolve too. JDBC metadata reports the lakehouse as the catalog and never shows that extra entry.
 */
public final class LakehouseSchema extends AbstractSchema {
  private final CatalogSession session;
  private final LakehouseCatalog catalog;
  private final Multimap<String, Function> functions;
  private final boolean root;
  private volatile Map<String, Schema> schemas;

  public LakehouseSchema(CatalogSession session, Multimap<String, Function> functions) {
    this(session, functions, true);
  }

  private LakehouseSchema(CatalogSession session, Multimap<String, Function> functions,
      boolean root) {
    this.session = requireNonNull(session, "session");
    this.catalog = session.catalog();
    this.functions = ImmutableMultimap.copyOf(functions);
    this.root = root;
  }

  public LakehouseCatalog catalog() {
    return catalog;
  }

  /** The session this schema tree belongs to. */
  public CatalogSession session() {
    return session;
  }

  @Override
  protected Map<String, Schema> getSubSchemaMap() {
    Map<String, Schema> result = schemas;
    if (result == null) {
      result = new LinkedHashMap<>();
      for (String schema : catalog.schemaNames()) {
        result.put(schema, new DeltaSchema(catalog, schema));
      }
      if (root) {
        result.putIfAbsent(catalog.name(), new LakehouseSchema(session, ImmutableMultimap.of(), false));
      }
      schemas = result;
    }
    return result;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions;
  }

  @Override
  public boolean isMutable() {
    return true;
  }

  @Override
  public Schema snapshot(SchemaVersion version) {
    return new LakehouseSchema(session, functions, root);
  }
}
