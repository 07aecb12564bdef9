/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.auth.StorageCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest extends FileIOContractTest {
  @TempDir Path tempDir;

  @Override
  protected LakehouseStorage newStorage() {
    return LakehouseStorage.open(
        StorageLocation.parse(tempDir.resolve("Sales Data.Lakehouse").toString()),
        StorageCredential.none(),
        Map.of("parquet.compression", "SNAPPY"));
  }

  @Override
  protected int bigFileSize() {
    return 9 * 1024 * 1024 + 5;
  }

  @Override
  protected int raceRounds() {
    return 20;
  }

  @Test
  void pathsHaveOneCanonicalForm() throws IOException {
    String root = storage.rootUri();
    Path rootPath = tempDir.resolve("Sales Data.Lakehouse").toAbsolutePath();
    assertEquals("file:" + rootPath, root);
    write("Files/x.txt", "x");
    String canonical = root + "/Files/x.txt";
    assertEquals(canonical, io.resolvePath("file://" + rootPath + "/Files/x.txt"));
    assertEquals(canonical, io.resolvePath(rootPath + "/Files/./x.txt"));
    assertEquals(canonical, io.getFileStatus("file://" + rootPath + "/Files/x.txt").getPath());
    assertEquals(canonical, list("file://" + rootPath + "/Files/x").get(0).getPath());
    assertEquals("SNAPPY", io.getConf("parquet.compression").orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> io.resolvePath("relative/path"));
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws IOException {
    write("Tables/t/_delta_log/00000000000000000000.json", "a");
    assertThrows(java.nio.file.FileAlreadyExistsException.class,
        () -> write("Tables/t/_delta_log/00000000000000000000.json", "b"));
    try (Stream<Path> files = Files.list(tempDir.resolve("Sales Data.Lakehouse/Tables/t/_delta_log"))) {
      assertEquals(1, files.count());
    }
    assertTrue(storage.exists(storage.resolve("Tables/t/_delta_log/00000000000000000000.json")));
  }
}
