/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpClient;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.onelake.auth.StorageCredential;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A lakehouse under a prefix of an Azure Blob container (flat namespace; the Blob API only). */
public final class BlobStorage implements LakehouseStorage {
  /** Metadata that marks an empty blob as a directory. */
  private static final String DIRECTORY_MARKER = "hdi_isfolder";

  private final StorageLocation location;
  private final BlobContainer container;
  private final ContainerPaths paths;
  private final BlobFileIO fileIO;
  private final String rootUri;

  private BlobStorage(StorageLocation location, BlobContainer container, BlobFileIO fileIO) {
    this.location = location;
    this.container = container;
    this.paths = new ContainerPaths(location.serviceEndpoint(), location.containerName());
    this.fileIO = fileIO;
    this.rootUri = paths.uri(location.rootPath());
  }

  /**
   * With explicit transfer sizes and HTTP client, so tests can exercise block staging with small
   * files and trust a self-signed HTTPS Azurite without touching the JVM-wide trust store.
   */
  static BlobStorage open(
      StorageLocation location,
      StorageCredential credential,
      Map<String, String> kernelConf,
      TransferSizes sizes,
      HttpClient httpClient) {
    requireNonNull(location, "location is null");
    requireNonNull(credential, "credential is null");
    requireNonNull(kernelConf, "kernelConf is null");
    if (location.kind() != StorageLocation.Kind.BLOB) {
      throw new IllegalArgumentException("not a blob location: " + location);
    }
    BlobServiceClient service = StorageClients.blobService(location.serviceEndpoint(), credential, requireNonNull(httpClient, "httpClient is null"));
    BlobContainer container = new BlobContainer(service.getBlobContainerClient(location.containerName()));
    ContainerPaths paths = new ContainerPaths(location.serviceEndpoint(), location.containerName());
    return new BlobStorage(location, container, new BlobFileIO(container, paths, kernelConf, sizes));
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
    String prefix = ContainerPaths.directoryPrefix(paths.blobName(uri));
    BlobContainerClient client = container.client();
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix)
        .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    try {
      for (BlobItem item : client.listBlobsByHierarchy("/", options, null)) {
        if (Boolean.TRUE.equals(item.isPrefix())) {
          String name = item.getName().substring(prefix.length());
          names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
        } else if (isDirectoryMarker(item)) {
          // An empty directory, as createDirectory (and hierarchical-namespace accounts) record it.
          names.add(item.getName().substring(prefix.length()));
        }
      }
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return List.of(); // no container yet
      }
      throw StorageErrors.toIOException("list directories", uri, e);
    }
    return List.copyOf(names);
  }

  private static boolean isDirectoryMarker(BlobItem item) {
    Map<String, String> metadata = item.getMetadata();
    return metadata != null && "true".equalsIgnoreCase(metadata.get(DIRECTORY_MARKER));
  }

  @Override
  public boolean exists(String uri) throws IOException {
    String name = paths.blobName(uri);
    BlobContainerClient client = container.client();
    try {
      if (!name.isEmpty() && client.getBlobClient(name).exists()) {
        return true;
      }
      ListBlobsOptions options = new ListBlobsOptions().setPrefix(ContainerPaths.directoryPrefix(name)).setMaxResultsPerPage(1);
      return client.listBlobs(options, null).iterator().hasNext();
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
    BlobContainerClient client = container.client();
    List<String> names = new ArrayList<>();
    try {
      for (BlobItem item : client.listBlobs(new ListBlobsOptions().setPrefix(ContainerPaths.directoryPrefix(name)), null)) {
        names.add(item.getName());
      }
      if (!name.isEmpty()) {
        names.add(name); // a directory marker blob, as hierarchical-namespace accounts keep them
      }
      // Children before parents, so that marker blobs of non-empty directories go last.
      names.sort(Collections.reverseOrder());
      for (String blob : names) {
        client.getBlobClient(blob).deleteIfExistsWithResponse(null, null, null, Context.NONE);
      }
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return;
      }
      throw StorageErrors.toIOException("delete recursively", uri, e);
    }
  }

  @Override
  public void createDirectory(String uri) throws IOException {
    String name = paths.blobName(uri);
    if (name.isEmpty()) {
      return;
    }
    // A flat namespace has no directories; an empty blob marked hdi_isfolder=true stands for one (the
    // convention of hierarchical-namespace accounts and Hadoop's Azure file systems).
    BlockBlobSimpleUploadOptions upload = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(new byte[0]))
        .setMetadata(Map.of(DIRECTORY_MARKER, "true"))
        .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
    container.ensureExists();
    try {
      container.client().getBlobClient(name).getBlockBlobClient().uploadWithResponse(upload, null, Context.NONE);
    } catch (RuntimeException e) {
      if (StorageErrors.isConflict(e)) {
        return;
      }
      throw StorageErrors.toIOException("create directory", uri, e);
    }
  }

  @Override
  public void close() {
    // The SDK client holds no resources that need an explicit release (see StorageClients).
  }

  @Override
  public String toString() {
    return "BlobStorage[" + rootUri + "]";
  }
}
