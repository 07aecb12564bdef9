/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.ListPathsOptions;
import com.azure.storage.file.datalake.models.PathItem;
import com.azure.storage.file.datalake.models.PathProperties;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel's {@link FileIO} over the DFS (ADLS Gen2) API of a hierarchical-namespace account or of
 * OneLake. Paths are {@code <dfsEndpoint>/<file system>/<path>} strings (see {@link
 * ContainerPaths}). Reads share {@link RangedInputStream} with the Blob API; writes go through a
 * temporary file and an atomic rename ({@link DfsTempFileSink}).
 */
public final class DfsFileIO implements FileIO {
  private final DataLakeFileSystemClient fileSystem;
  private final ContainerPaths paths;
  private final Map<String, String> conf;
  private final TransferSizes sizes;

  DfsFileIO(DataLakeFileSystemClient fileSystem, ContainerPaths paths, Map<String, String> conf, TransferSizes sizes) {
    this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    this.paths = requireNonNull(paths, "paths is null");
    this.conf = Map.copyOf(requireNonNull(conf, "conf is null"));
    this.sizes = requireNonNull(sizes, "sizes is null");
  }

  /**
   * The files (not directories) of the directory of {@code filePath} named {@code >= filePath}, sorted.
   * A directory listing returns only direct children, so nothing deeper has to be filtered out.
   */
  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    String startName = paths.fileBlobName(filePath);
    String directory = ContainerPaths.parentOf(startName);
    List<FileStatus> result = new ArrayList<>();
    try {
      for (PathItem item : fileSystem.listPaths(listing(directory), null)) {
        if (!item.isDirectory() && item.getName().compareTo(startName) >= 0) {
          result.add(paths.status(item.getName(), item.getContentLength(), item.getLastModified()));
        }
      }
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        throw new FileNotFoundException("directory not found: " + paths.uri(directory));
      }
      throw StorageErrors.toIOException("list", filePath, e);
    }
    result.sort(Comparator.comparing(FileStatus::getPath));
    return new ListIterator<>(result);
  }

  /** The non-recursive listing of {@code directory} ({@code ""} for the file system root). */
  static ListPathsOptions listing(String directory) {
    return new ListPathsOptions().setPath(directory.isEmpty() ? null : directory).setRecursive(false);
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    String name = paths.fileBlobName(path);
    try {
      PathProperties props = fileSystem.getFileClient(name).getProperties();
      return paths.status(name, props.getFileSize(), props.getLastModified());
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("get status", path, e);
    }
  }

  @Override
  public String resolvePath(String path) {
    return paths.uri(paths.blobName(path));
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    String name = paths.blobName(path);
    if (!name.isEmpty()) {
      try {
        fileSystem.getDirectoryClient(name).createIfNotExists();
      } catch (RuntimeException e) {
        throw StorageErrors.toIOException("create directory", path, e);
      }
    }
    return true;
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return new RemoteInputFile(new DfsRemoteFile(fileSystem.getFileClient(paths.fileBlobName(path))), path, fileSize, sizes.readChunk());
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new DfsOutputFile(fileSystem, paths.fileBlobName(path), path, sizes.writeChunk());
  }

  @Override
  public boolean delete(String path) throws IOException {
    try {
      return fileSystem.getFileClient(paths.fileBlobName(path)).deleteIfExists();
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return false; // the file system is missing
      }
      throw StorageErrors.toIOException("delete", path, e);
    }
  }

  @Override
  public Optional<String> getConf(String confKey) {
    return Optional.ofNullable(conf.get(confKey));
  }

  /** Only Unity Catalog's committer calls this, for small files: read, then write through a rename. */
  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite) throws IOException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    try {
      fileSystem.getFileClient(paths.fileBlobName(srcPath)).read(content);
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("copy (read source)", srcPath, e);
    }
    try (var out = newOutputFile(destPath).create(!overwrite)) {
      content.writeTo(out);
    }
  }

  @Override
  public String toString() {
    return "DfsFileIO[" + paths.containerUri() + "]";
  }
}
