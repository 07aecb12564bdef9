/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file to read; a size of -1 or 0 from Kernel means unknown (see {@link RemoteInputFile}). */
final class LocalInputFile implements InputFile {
  private final Path file;
  private final String path;
  private final long knownSize;

  LocalInputFile(Path file, String path, long knownSize) {
    this.file = requireNonNull(file, "file is null");
    this.path = requireNonNull(path, "path is null");
    this.knownSize = knownSize;
  }

  @Override
  public long length() throws IOException {
    if (knownSize > 0) {
      return knownSize;
    }
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("file not found: " + path);
    }
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    try {
      return new LocalSeekableInputStream(FileChannel.open(file, StandardOpenOption.READ));
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("file not found: " + path);
    }
  }
}
