/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/** A parsed test file: where it came from (for failure messages) and its records in file order. */
public record SqlLogicTestFile(Path path, List<SqlLogicTestRecord> records) {
  public SqlLogicTestFile {
    requireNonNull(path, "path");
    records = List.copyOf(records);
  }
}
