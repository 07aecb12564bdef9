/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel's {@link FileIO} on the local file system, without Hadoop.
 *
 * <p>Paths are {@code file:/abs/path} strings (also accepted: {@code file:///abs/path} and plain
 * absolute paths), taken literally; see {@link LocalPaths}. Everything Kernel expects to appear
 * atomically (commits, checkpoints, data files) is written to a hidden temporary file in the target
 * directory first and then linked or moved into place.
 */
public final class LocalFileIO implements FileIO {
  private final Map<String, String> conf;

  public LocalFileIO(Map<String, String> conf) {
    this.conf = Map.copyOf(requireNonNull(conf, "conf is null"));
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    Path start = LocalPaths.toPath(filePath);
    Path dir = start.getParent();
    if (dir == null || start.getFileName() == null) {
      throw new FileNotFoundException("no parent directory to list for " + filePath);
    }
    String startName = start.getFileName().toString();
    List<FileStatus> result = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (name.compareTo(startName) < 0) {
          continue;
        }
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(child, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          continue; // deleted while listing
        }
        // Only files, like a flat blob listing: sub-directories such as _sidecars are not log entries.
        if (attrs.isRegularFile()) {
          result.add(FileStatus.of(LocalPaths.toUri(child), attrs.size(), attrs.lastModifiedTime().toMillis()));
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw fileNotFound(LocalPaths.toUri(dir), e);
    }
    result.sort(Comparator.comparing(FileStatus::getPath));
    return new ListIterator<>(result);
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    Path file = LocalPaths.toPath(path);
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      return FileStatus.of(LocalPaths.toUri(file), attrs.size(), attrs.lastModifiedTime().toMillis());
    } catch (NoSuchFileException e) {
      throw fileNotFound(path, e);
    }
  }

  @Override
  public String resolvePath(String path) {
    // Kernel also resolves paths that do not exist yet (CREATE TABLE), so this must not check existence.
    return LocalPaths.toUri(LocalPaths.toPath(path));
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    Files.createDirectories(LocalPaths.toPath(path));
    return true;
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return new LocalInputFile(LocalPaths.toPath(path), path, fileSize);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new LocalOutputFile(LocalPaths.toPath(path), path);
  }

  @Override
  public boolean delete(String path) throws IOException {
    return Files.deleteIfExists(LocalPaths.toPath(path));
  }

  @Override
  public Optional<String> getConf(String confKey) {
    return Optional.ofNullable(conf.get(confKey));
  }

  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite) throws IOException {
    Path src = LocalPaths.toPath(srcPath);
    Path dest = LocalPaths.toPath(destPath);
    if (!Files.isRegularFile(src)) {
      throw new FileNotFoundException("source file not found: " + srcPath);
    }
    Path temp = LocalAtomicFiles.newTempFile(dest);
    try {
      Files.copy(src, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      LocalAtomicFiles.publish(temp, dest, overwrite);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileNotFoundException fileNotFound(String path, Exception cause) {
    FileNotFoundException e = new FileNotFoundException("file or directory not found: " + path);
    e.initCause(cause);
    return e;
  }

  @Override
  public String toString() {
    return "LocalFileIO";
  }
}
