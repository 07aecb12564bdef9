/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a directory of test files into JUnit dynamic tests, one per file, so a backend's suite is a few lines:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> sqlLogicTests() {
 *   return SqlLogicTests.dynamicTests(
 *       SqlLogicTestFiles.defaultRoot(), "local", file -> DriverManager.getConnection(url), Map.of(...));
 * }
 * }</pre>
 */
public final class SqlLogicTests {
  private SqlLogicTests() {}

  /**
   * One dynamic test per {@code *.test} file under {@code root}, named by its relative path. Each test parses
   * its file, opens a connection with {@code connectionPerFile}, runs the file on it and closes it, so a
   * malformed or failing file fails only its own test.
   *
   * @param backendName the name {@code skipif}/{@code onlyif} lines refer to
   * @param variables values for {@code ${NAME}} placeholders
   */
  public static Stream<DynamicNode> dynamicTests(
      Path root, String backendName, ConnectionFactory connectionPerFile, Map<String, String> variables) {
    requireNonNull(root, "root");
    requireNonNull(connectionPerFile, "connectionPerFile");
    SqlLogicTestRunner runner = new SqlLogicTestRunner(backendName, variables);
    List<Path> files;
    try {
      files = SqlLogicTestFiles.discover(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list test files under " + root, e);
    }
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    SqlLogicTestFiles.relativeName(root, file),
                    file.toUri(),
                    () -> {
                      SqlLogicTestFile parsed = SqlLogicTestParser.parse(file);
                      try (Connection connection = connectionPerFile.open(file)) {
                        runner.run(parsed, connection);
                      }
                    }));
  }
}
