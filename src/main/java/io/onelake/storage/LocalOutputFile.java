/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local file to write; nothing becomes visible under {@code path} before it is complete. */
final class LocalOutputFile implements OutputFile {
  private final Path file;
  private final String path;

  LocalOutputFile(Path file, String path) {
    this.file = requireNonNull(file, "file is null");
    this.path = requireNonNull(path, "path is null");
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public PositionOutputStream create(boolean atomicWrite) throws IOException {
    return new LocalPositionOutputStream(file, atomicWrite);
  }

  @Override
  public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
    requireNonNull(data, "data is null");
    Path temp = LocalAtomicFiles.newTempFile(file);
    try {
      try (CloseableIterator<String> lines = data;
          Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), UTF_8))) {
        while (lines.hasNext()) {
          // One action per line, newline-terminated, as Delta's log stores write them.
          out.write(lines.next());
          out.write('\n');
        }
      }
      LocalAtomicFiles.publish(temp, file, overwrite);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
