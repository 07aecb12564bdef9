/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * Opens the connection one test file runs on. A functional interface of its own (not {@code Function}) so a
 * lambda may throw, e.g. {@code file -> DriverManager.getConnection(url)}.
 */
@FunctionalInterface
public interface ConnectionFactory {
  /**
   * @param testFile the test file about to run, for factories that give each file a fresh folder or catalog
   * @return a new connection; the caller closes it after the file
   */
  Connection open(Path testFile) throws Exception;
}
