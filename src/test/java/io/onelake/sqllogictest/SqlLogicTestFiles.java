/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds test files on disk. */
public final class SqlLogicTestFiles {
  /** The system property surefire sets to {@code ${project.basedir}/test-sql}. */
  public static final String ROOT_PROPERTY = "onelake.testSqlDir";

  private static final String EXTENSION = ".test";

  private SqlLogicTestFiles() {}

  /**
   * The test-sql directory named by {@value #ROOT_PROPERTY}.
   *
   * @throws IllegalStateException if the property is unset or not a directory, so a misconfigured build fails
   *     instead of running no tests
   */
  public static Path defaultRoot() {
    String value = System.getProperty(ROOT_PROPERTY);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + ROOT_PROPERTY + " is not set; surefire sets it to ${project.basedir}/test-sql");
    }
    Path root = Paths.get(value);
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(ROOT_PROPERTY + " is not a directory: " + root);
    }
    return root;
  }

  /**
   * All {@code *.test} files under {@code root}, at any depth, sorted by their path relative to the root with
   * {@code /} separators, so the order is the same on every platform.
   */
  public static List<Path> discover(Path root) throws IOException {
    requireNonNull(root, "root");
    if (!Files.isDirectory(root)) {
      throw new IOException("not a directory: " + root);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(path -> path.getFileName().toString().endsWith(EXTENSION))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(path -> relativeName(root, path)))
          .collect(Collectors.toUnmodifiableList());
    }
  }

  /** The path of {@code file} relative to {@code root}, with {@code /} separators: a stable test name. */
  public static String relativeName(Path root, Path file) {
    requireNonNull(root, "root");
    requireNonNull(file, "file");
    Path relative = root.relativize(file);
    StringBuilder name = new StringBuilder();
    for (Path part : relative) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }
}
