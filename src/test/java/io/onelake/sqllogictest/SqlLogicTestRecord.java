/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import java.util.List;

/** One record of a test file: what to run and what to expect, with the conditions that guard it. */
public sealed interface SqlLogicTestRecord
    permits StatementRecord, StatementCountRecord, StatementErrorRecord, QueryRecord, HaltRecord {
  /** 1-based line of the record's header ({@code statement ...}, {@code query ...}, {@code halt}). */
  int line();

  /** The {@code skipif}/{@code onlyif} lines in front of the header, in file order. */
  List<BackendCondition> conditions();

  /** Whether the record runs on the named backend: every condition must allow it. */
  default boolean appliesTo(String backendName) {
    return conditions().stream().allMatch(condition -> condition.allows(backendName));
  }
}
