/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.TimestampString;

/**
 * {@code DELTA_AT_VERSION(name, n)} and {@code DELTA_AT_TIMESTAMP(name, ts)}: the table functions that
 * Delta time travel is parsed into. They run while the statement is validated, so the validator sees
 * the schema of the historical version.
 */
public final class TimeTravelMacro implements TableMacro {
  private final LakehouseCatalog catalog;
  private final boolean byVersion;
  private final Supplier<ZoneId> sessionZone;

  private TimeTravelMacro(LakehouseCatalog catalog, boolean byVersion, Supplier<ZoneId> sessionZone) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.byVersion = byVersion;
    this.sessionZone = requireNonNull(sessionZone, "sessionZone");
  }

  public static TimeTravelMacro atVersion(LakehouseCatalog catalog, Supplier<ZoneId> zone) {
    return new TimeTravelMacro(catalog, true, zone);
  }

  public static TimeTravelMacro atTimestamp(LakehouseCatalog catalog, Supplier<ZoneId> zone) {
    return new TimeTravelMacro(catalog, false, zone);
  }

  @Override
  public TranslatableTable apply(List<?> arguments) {
    List<String> names = TableNames.decode(String.valueOf(arguments.get(0)));
    TableId id = TableResolver.resolve(catalog, names);
    Object point = arguments.get(1);
    Snapshot snapshot;
    try {
      if (byVersion) {
        long version = point instanceof Number ? ((Number) point).longValue()
            : new BigDecimal(String.valueOf(point)).longValueExact();
        snapshot = catalog.lake().atVersion(id.path(), version);
      } else {
        snapshot = catalog.lake().atTimestamp(id.path(),
            TimestampText.toEpochMillis(point, sessionZone.get()));
      }
    } catch (io.delta.kernel.exceptions.KernelException e) {
      // No such version, or a timestamp before the first / after the last commit (as in Spark).
      throw new io.onelake.OneLakeException(io.onelake.OneLakeException.INVALID_PARAMETER_VALUE,
          "Cannot time travel " + id.displayName() + ": " + e.getMessage(), e);
    } catch (java.time.format.DateTimeParseException e) {
      throw new io.onelake.OneLakeException(io.onelake.OneLakeException.INVALID_DATETIME,
          "Invalid timestamp '" + point + "' for TIMESTAMP AS OF", e);
    }
    return DeltaTable.at(catalog, id, snapshot);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(
        new MacroParameter(0, "TABLE_NAME", String.class),
        new MacroParameter(1, byVersion ? "VERSION" : "TIMESTAMP", byVersion ? Long.class : String.class));
  }

  /** Commit-instant arguments: text such as '2026-01-01 10:00:00' (session zone) or ISO with offset. */
  static final class TimestampText {
    private TimestampText() {}

    static long toEpochMillis(Object point, ZoneId zone) {
      if (point instanceof TimestampString) {
        return ((TimestampString) point).getMillisSinceEpoch()
            - zone.getRules().getOffset(java.time.Instant.ofEpochMilli(
                ((TimestampString) point).getMillisSinceEpoch())).getTotalSeconds() * 1000L;
      }
      String text = String.valueOf(point).trim();
      try {
        return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (java.time.format.DateTimeParseException e) {
        // fall through: no offset given, so the session time zone applies (SPEC §5)
      }
      java.time.LocalDateTime local;
      try {
        local = java.time.LocalDateTime.parse(text.replace(' ', 'T'));
      } catch (java.time.format.DateTimeParseException e) {
        local = java.time.LocalDate.parse(text).atStartOfDay();
      }
      return local.atZone(zone).toInstant().toEpochMilli();
    }
  }
}
