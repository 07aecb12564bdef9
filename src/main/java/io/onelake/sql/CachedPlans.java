/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DmlTargetMacro;
import io.onelake.catalog.HistoryMacro;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.exec.PlanCache;
import io.onelake.exec.Session;
import io.onelake.sql.parser.TimeTravelCalls;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The plan cache as one statement's preparation sees it: its key, the catalog generation the plan
 * depends on, and the rules for what may be cached.
 *
 * <p>The hook is {@link OneLakePrepare#prepareSql}, the one place every SQL text passes through,
 * whether from {@code Statement.execute*}, {@code prepareStatement} or a batch, before it is parsed.
 * A cached signature is exactly what a reused PreparedStatement executes: every execution binds a
 * fresh DataContext, in which each table reads its current version ({@code DeltaTable.snapshotFor}).
 */
final class CachedPlans {
  /**
   * Table functions whose table is resolved while the statement is planned: time travel and history
   * are fixed at planning, so a cached plan would keep reading what they found then.
   */
  private static final Set<String> PLAN_TIME_FUNCTIONS = Set.of(TimeTravelCalls.AT_VERSION,
      TimeTravelCalls.AT_TIMESTAMP, HistoryMacro.NAME, DmlTargetMacro.NAME);

  private final PlanCache cache;
  private final PlanCache.Key key;
  private final long generation;

  private CachedPlans(PlanCache cache, PlanCache.Key key, long generation) {
    this.cache = requireNonNull(cache, "cache");
    this.key = requireNonNull(key, "key");
    this.generation = generation;
  }

  /** The cache entry of one SQL text in this connection, or null when caching is off. */
  static CachedPlans of(CalcitePrepare.Context context, String sql, long maxRowCount) {
    Session session = OneLakePrepare.session(context);
    PlanCache cache = session.planCache();
    if (!cache.enabled()) {
      return null;
    }
    List<String> schemaPath = context.getDefaultSchemaPath();
    LakehouseCatalog catalog = session.catalog();
    // What a fresh preparation would list: the schemas and the default schema's tables (both cached
    // for the metadata TTL). A table created or dropped since changes the generation.
    catalog.schemaNames();
    catalog.tables(schemaPath.isEmpty() ? LakehouseCatalog.DEFAULT_SCHEMA : schemaPath.get(0));
    return new CachedPlans(cache,
        new PlanCache.Key(sql, schemaPath, maxRowCount, session.settings().all()),
        catalog.generation());
  }

  /** The cached plan, or null. */
  @SuppressWarnings("unchecked")
  CalcitePrepare.CalciteSignature<Object> lookup() {
    Optional<CalcitePrepare.CalciteSignature<?>> cached = cache.get(key, generation);
    return (CalcitePrepare.CalciteSignature<Object>) cached.orElse(null);
  }

  /**
   * Caches a query's plan and returns what the statement should use: the plan wrapped so that a
   * failing execution (its table dropped, or its columns changed: SQLState 40001) evicts it, and the
   * next execution plans again.
   */
  CalcitePrepare.CalciteSignature<Object> remember(CalcitePrepare.CalciteSignature<Object> planned) {
    CalcitePrepare.CalciteSignature<Object> evicting = new Evicting(planned, cache, key);
    cache.put(key, generation, evicting);
    return evicting;
  }

  /**
   * Whether a statement's plan may be reused: queries (SELECT, VALUES, WITH, set operations, EXPLAIN)
   * that read no table at a version fixed while planning. Commands never reach here.
   */
  static boolean cacheable(SqlNode node) {
    if (!node.getKind().belongsTo(SqlKind.QUERY) && node.getKind() != SqlKind.EXPLAIN) {
      return false;
    }
    boolean[] fixed = {false};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.SNAPSHOT || PLAN_TIME_FUNCTIONS.contains(
            call.getOperator().getName().toUpperCase(Locale.ROOT))) {
          fixed[0] = true;
          return null;
        }
        return super.visit(call);
      }
    });
    return !fixed[0];
  }

  /** A cached plan that evicts itself when an execution fails. */
  private static final class Evicting extends CalcitePrepare.CalciteSignature<Object> {
    private final CalcitePrepare.CalciteSignature<Object> planned;
    private final PlanCache cache;
    private final PlanCache.Key key;

    Evicting(CalcitePrepare.CalciteSignature<Object> planned, PlanCache cache, PlanCache.Key key) {
      // The row limit stays with the planned signature, which applies it.
      super(planned.sql, planned.parameters, planned.internalParameters, planned.rowType,
          planned.columns, planned.cursorFactory, planned.rootSchema, planned.getCollationList(), -1,
          null, planned.statementType);
      this.planned = planned;
      this.cache = cache;
      this.key = key;
    }

    @Override
    public Enumerable<Object> enumerable(DataContext dataContext) {
      Enumerable<Object> rows = guard(() -> planned.enumerable(dataContext));
      return new AbstractEnumerable<Object>() {
        @Override
        public Enumerator<Object> enumerator() {
          Enumerator<Object> enumerator = guard(rows::enumerator);
          return new Enumerator<Object>() {
            @Override
            public Object current() {
              return enumerator.current();
            }

            @Override
            public boolean moveNext() {
              // Per row: a plain try, no lambda.
              try {
                return enumerator.moveNext();
              } catch (RuntimeException | Error e) {
                cache.evict(key);
                throw e;
              }
            }

            @Override
            public void reset() {
              enumerator.reset();
            }

            @Override
            public void close() {
              enumerator.close();
            }
          };
        }
      };
    }

    private <R> R guard(java.util.function.Supplier<R> step) {
      try {
        return step.get();
      } catch (RuntimeException | Error e) {
        cache.evict(key);
        throw e;
      }
    }
  }
}
