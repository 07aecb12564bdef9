/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How a commit describes itself in its {@code commitInfo}, as {@code DESCRIBE HISTORY} shows it:
 * Delta's operation name (DELETE, UPDATE, MERGE, WRITE ...), its parameters and metrics, and whether
 * it is a blind append (it added rows without reading the table, so it never conflicts with
 * concurrent row-level changes). Kernel 4.4 records every commit as a WRITE without metrics.
 */
public record CommitLabel(String operation, Map<String, String> parameters,
    Map<String, String> metrics, boolean blindAppend) {
  public CommitLabel {
    requireNonNull(operation, "operation");
    parameters = Map.copyOf(parameters);
    metrics = Map.copyOf(metrics);
  }

  /** The label with these metrics. */
  public CommitLabel withMetrics(Map<String, String> newMetrics) {
    return new CommitLabel(operation, parameters, newMetrics, blindAppend);
  }
}
