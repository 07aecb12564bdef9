/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpClient;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.PathItem;
import com.azure.storage.file.datalake.options.DataLakePathDeleteOptions;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.onelake.auth.StorageCredential;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lakehouse in a file system of a hierarchical-namespace account (or OneLake), through the DFS
 * API: directories are real, so listing a directory, checking a path and dropping a table tree are
 * one request each, and a recursive delete is atomic on the service.
 */
public final class DfsStorage implements LakehouseStorage {
  private final StorageLocation location;
  private final DataLakeFileSystemClient fileSystem;
  private final ContainerPaths paths;
  private final DfsFileIO fileIO;
  private final String rootUri;

  private DfsStorage(StorageLocation location, DataLakeFileSystemClient fileSystem, ContainerPaths paths, DfsFileIO fileIO) {
    this.location = location;
    this.fileSystem = fileSystem;
    this.paths = paths;
    this.fileIO = fileIO;
    this.rootUri = paths.uri(location.rootPath());
  }

  /** With explicit transfer sizes and HTTP client, as {@link BlobStorage#open} takes them. */
  static DfsStorage open(
      StorageLocation location,
      StorageCredential credential,
      Map<String, String> kernelConf,
      TransferSizes sizes,
      HttpClient httpClient) {
    requireNonNull(location, "location is null");
    if (location.kind() != StorageLocation.Kind.BLOB) {
      throw new IllegalArgumentException("not an Azure storage location: " + location);
    }
    String endpoint = location.dfsEndpoint();
    DataLakeFileSystemClient fileSystem = StorageClients.dfsService(endpoint, credential, httpClient)
        .getFileSystemClient(location.containerName());
    ContainerPaths paths = new ContainerPaths(endpoint, location.containerName());
    return new DfsStorage(location, fileSystem, paths, new DfsFileIO(fileSystem, paths, kernelConf, sizes));
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
    String name = paths.blobName(uri);
    List<String> names = new ArrayList<>();
    try {
      for (PathItem item : fileSystem.listPaths(DfsFileIO.listing(name), null)) {
        if (item.isDirectory()) {
          names.add(item.getName().substring(item.getName().lastIndexOf('/') + 1));
        }
      }
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return List.of();
      }
      throw StorageErrors.toIOException("list directories", uri, e);
    }
    names.sort(null);
    return List.copyOf(names);
  }

  @Override
  public boolean exists(String uri) throws IOException {
    String name = paths.blobName(uri);
    try {
      return name.isEmpty() ? fileSystem.exists() : fileSystem.getDirectoryClient(name).exists();
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return false;
      }
      throw StorageErrors.toIOException("exists", uri, e);
    }
  }

  @Override
  public void deleteRecursively(String uri) throws IOException {
    String name = paths.blobName(uri);
    if (name.isEmpty()) {
      // The file system itself stays; a root has no path of its own to delete.
      for (String child : children(uri)) {
        deleteRecursively(paths.uri(child));
      }
      return;
    }
    try {
      fileSystem.getDirectoryClient(name)
          .deleteIfExistsWithResponse(new DataLakePathDeleteOptions().setIsRecursive(true), null, Context.NONE);
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return;
      }
      throw StorageErrors.toIOException("delete recursively", uri, e);
    }
  }

  private List<String> children(String uri) throws IOException {
    List<String> names = new ArrayList<>();
    try {
      fileSystem.listPaths(DfsFileIO.listing(""), null).forEach(item -> names.add(item.getName()));
    } catch (RuntimeException e) {
      if (!StorageErrors.isNotFound(e)) {
        throw StorageErrors.toIOException("list", uri, e);
      }
    }
    return names;
  }

  @Override
  public void createDirectory(String uri) throws IOException {
    fileIO.mkdirs(uri);
  }

  @Override
  public void close() {
    // The SDK client holds no resources that need an explicit release (see StorageClients).
  }

  @Override
  public String toString() {
    return "DfsStorage[" + rootUri + "]";
  }
}
