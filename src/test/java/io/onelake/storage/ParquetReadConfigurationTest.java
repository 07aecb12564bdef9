/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.hadoopio.HadoopInputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel's Parquet reader reuses the Hadoop configuration of a {@code HadoopInputFile} instead of
 * loading a new one per file; the driver's input files are such files and share one configuration,
 * while reading through their own I/O.
 */
class ParquetReadConfigurationTest {
  @TempDir
  Path dir;

  @Test
  void inputFilesShareOneConfigurationAndReadThemselves() throws Exception {
    Path first = Files.writeString(dir.resolve("a.txt"), "hello");
    Path second = Files.writeString(dir.resolve("b.txt"), "hi");
    LocalFileIO fileIO = new LocalFileIO(Map.of());
    InputFile a = fileIO.newInputFile(first.toUri().toString(), -1);
    InputFile b = fileIO.newInputFile(second.toUri().toString(), -1);
    assertTrue(a instanceof HadoopInputFile);
    assertSame(((HadoopInputFile) a).configuration(), ((HadoopInputFile) b).configuration());
    assertEquals(first.toUri().toString(), a.path());
    assertEquals(5, a.length());
    byte[] bytes = new byte[2];
    try (var stream = b.newStream()) {
      stream.readFully(bytes, 0, 2);
    }
    assertEquals("hi", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }
}
