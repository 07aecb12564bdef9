/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import java.util.List;

/** {@code halt}: stop running the file here (when its conditions allow); useful while debugging a file. */
public record HaltRecord(int line, List<BackendCondition> conditions) implements SqlLogicTestRecord {
  public HaltRecord {
    conditions = List.copyOf(conditions);
  }
}
