/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class SqlLogicTestFilesTest {
  @TempDir Path root;

  private Path write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void discoversTestFilesAtAnyDepthSortedByRelativePath() throws IOException {
    write("select/b.test", "");
    write("select/a.test", "");
    write("ddl.test", "");
    write("z/deep/er/x.test", "");
    write("notes.md", "");
    write("select/a.test.bak", "");
    Files.createDirectories(root.resolve("dir.test")); // a directory is not a test file

    List<String> names =
        SqlLogicTestFiles.discover(root).stream()
            .map(path -> SqlLogicTestFiles.relativeName(root, path))
            .collect(Collectors.toList());

    assertEquals(List.of("ddl.test", "select/a.test", "select/b.test", "z/deep/er/x.test"), names);
  }

  @Test
  void discoverRejectsAMissingRoot() {
    assertThrows(IOException.class, () -> SqlLogicTestFiles.discover(root.resolve("missing")));
  }

  @Test
  void defaultRootComesFromTheSurefireProperty() {
    // Set by the pom for every test run; the suite relies on it.
    Path defaultRoot = Path.of(System.getProperty(SqlLogicTestFiles.ROOT_PROPERTY, "unset"));
    if (Files.isDirectory(defaultRoot)) {
      assertEquals(defaultRoot, SqlLogicTestFiles.defaultRoot());
    } else {
      assertThrows(IllegalStateException.class, SqlLogicTestFiles::defaultRoot);
    }
  }

  @Test
  void dynamicTestsRunEachFileOnItsOwnConnection() throws Throwable {
    write("a.test", "query I\nSELECT count(*) FROM ${T}\n----\n2\n");
    write("sub/b.test", "query I\nSELECT count(*) FROM ${T}\n----\n3\n");
    write("sub/c.test", "statment ok\nSELECT 1\n");
    FakeDatabase database =
        new FakeDatabase(
            Map.of("SELECT count(*) FROM t", FakeDatabase.rows(FakeDatabase.types(Types.BIGINT), FakeDatabase.row(2L))));
    List<Path> opened = new ArrayList<>();

    List<DynamicNode> nodes =
        SqlLogicTests.dynamicTests(
                root,
                "local",
                file -> {
                  opened.add(file);
                  return database.connection();
                },
                Map.of("T", "t"))
            .collect(Collectors.toList());

    assertEquals(
        List.of("a.test", "sub/b.test", "sub/c.test"),
        nodes.stream().map(DynamicNode::getDisplayName).collect(Collectors.toList()));
    assertEquals(root.resolve("a.test").toUri(), nodes.get(0).getTestSourceUri().orElseThrow());
    assertEquals(List.of(), opened, "connections are opened when a test runs, not when it is listed");

    assertInstanceOf(DynamicTest.class, nodes.get(0)).getExecutable().execute();
    assertEquals(List.of("connection"), database.closed().stream().filter("connection"::equals).toList());

    AssertionFailedError failure =
        assertThrows(
            AssertionFailedError.class, () -> ((DynamicTest) nodes.get(1)).getExecutable().execute());
    assertTrue(failure.getMessage().contains(root.resolve("sub/b.test") + ":1: query result differs"));
    assertEquals(2, database.closed().stream().filter("connection"::equals).count(), "closed after a failure too");

    IllegalArgumentException malformed =
        assertThrows(
            IllegalArgumentException.class, () -> ((DynamicTest) nodes.get(2)).getExecutable().execute());
    assertTrue(malformed.getMessage().contains("c.test:1: unknown record type"), malformed.getMessage());
    assertEquals(List.of(root.resolve("a.test"), root.resolve("sub/b.test")), opened);
  }

  @Test
  void dynamicTestsNeedAnExistingRoot() {
    assertThrows(
        UncheckedIOException.class,
        () -> SqlLogicTests.dynamicTests(root.resolve("missing"), "local", file -> null, Map.of()));
  }
}
