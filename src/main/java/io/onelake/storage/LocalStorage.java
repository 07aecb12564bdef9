/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A lakehouse in a local folder. */
public final class LocalStorage implements LakehouseStorage {
  private final StorageLocation location;
  private final LocalFileIO fileIO;
  private final String rootUri;

  LocalStorage(StorageLocation location, Map<String, String> kernelConf) {
    this.location = requireNonNull(location, "location is null");
    this.fileIO = new LocalFileIO(kernelConf);
    this.rootUri = LocalPaths.toUri(location.root());
  }

  @Override
  public StorageLocation location() {
    return location;
  }

  @Override
  public FileIO fileIO() {
    return fileIO;
  }

  @Override
  public String rootUri() {
    return rootUri;
  }

  @Override
  public List<String> listDirectories(String uri) throws IOException {
    Path dir = LocalPaths.toPath(uri);
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path child : children) {
        names.add(child.getFileName().toString());
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    Collections.sort(names);
    return List.copyOf(names);
  }

  @Override
  public boolean exists(String uri) {
    return Files.exists(LocalPaths.toPath(uri));
  }

  @Override
  public void deleteRecursively(String uri) throws IOException {
    Path dir = LocalPaths.toPath(uri);
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // Someone else deleted it concurrently: that is what we want anyway.
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public void createDirectory(String uri) throws IOException {
    Files.createDirectories(LocalPaths.toPath(uri));
  }

  @Override
  public void close() {
    // Nothing to release: every stream is owned by its caller.
  }

  @Override
  public String toString() {
    return "LocalStorage[" + rootUri + "]";
  }
}
