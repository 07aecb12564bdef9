/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernel's {@link FileIO} over the Azure Blob API.
 *
 * <p>Paths are {@code <serviceEndpoint>/<container>/<blob name>} strings (see {@link ContainerPaths}).
 * Put-if-absent writes (Delta commits) are uploads with {@code If-None-Match: *}; the service
 * answers a losing writer with 409 or 412, which becomes {@link FileAlreadyExistsException} so
 * that Kernel retries at the next version.
 */
public final class BlobFileIO implements FileIO {
  private static final Logger LOG = LoggerFactory.getLogger(BlobFileIO.class);

  private final BlobContainer container;
  private final ContainerPaths paths;
  private final Map<String, String> conf;
  private final TransferSizes sizes;
  // startFrom (API 2026-02-06) may be unknown to a service; after the first refusal, filter locally.
  private volatile boolean startFromSupported = true;

  BlobFileIO(BlobContainer container, ContainerPaths paths, Map<String, String> conf, TransferSizes sizes) {
    this.container = requireNonNull(container, "container is null");
    this.paths = requireNonNull(paths, "paths is null");
    this.conf = Map.copyOf(requireNonNull(conf, "conf is null"));
    this.sizes = requireNonNull(sizes, "sizes is null");
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    String startName = paths.fileBlobName(filePath);
    String dirPrefix = ContainerPaths.directoryPrefix(ContainerPaths.parentOf(startName));
    BlobContainerClient client = container.client();
    List<FileStatus> result = new ArrayList<>();
    boolean anything;
    try {
      anything = collect(client, dirPrefix, startName, result);
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        throw new FileNotFoundException("directory not found: " + paths.uri(dirPrefix));
      }
      throw StorageErrors.toIOException("list", filePath, e);
    }
    if (!anything) {
      try {
        ListBlobsOptions probe = new ListBlobsOptions().setPrefix(dirPrefix).setMaxResultsPerPage(1);
        anything = client.listBlobs(probe, null).iterator().hasNext();
      } catch (RuntimeException e) {
        if (!StorageErrors.isNotFound(e)) {
          throw StorageErrors.toIOException("list", filePath, e);
        }
      }
      if (!anything) {
        throw new FileNotFoundException("directory not found: " + paths.uri(dirPrefix));
      }
    }
    result.sort(Comparator.comparing(FileStatus::getPath));
    return new ListIterator<>(result);
  }

  /** Adds the same-directory blobs named {@code >= startName}; returns whether any blob was listed. */
  private boolean collect(BlobContainerClient client, String dirPrefix, String startName, List<FileStatus> out) {
    boolean anything = false;
    Iterable<BlobItem> items;
    if (startFromSupported) {
      try {
        items = listAll(client, new ListBlobsOptions().setPrefix(dirPrefix).setStartFrom(startName));
      } catch (BlobStorageException e) {
        if (e.getStatusCode() != 400) {
          throw e;
        }
        LOG.debug("service rejected startFrom (HTTP 400 {}); listing by prefix", e.getErrorCode());
        startFromSupported = false;
        items = listAll(client, new ListBlobsOptions().setPrefix(dirPrefix));
      }
    } else {
      items = listAll(client, new ListBlobsOptions().setPrefix(dirPrefix));
    }
    for (BlobItem item : items) {
      anything = true;
      String name = item.getName();
      // A flat listing also returns deeper blobs such as _delta_log/_sidecars/...; keep this directory only.
      if (name.indexOf('/', dirPrefix.length()) >= 0 || name.compareTo(startName) < 0) {
        continue;
      }
      BlobItemProperties props = item.getProperties();
      out.add(paths.status(name, props.getContentLength(), props.getLastModified()));
    }
    return anything;
  }

  /** Materializes the listing so that a service error surfaces here, where it can be handled. */
  private static List<BlobItem> listAll(BlobContainerClient client, ListBlobsOptions options) {
    List<BlobItem> items = new ArrayList<>();
    client.listBlobs(options, null).forEach(items::add);
    return items;
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    String name = paths.fileBlobName(path);
    try {
      BlobProperties props = container.client().getBlobClient(name).getProperties();
      return paths.status(name, props.getBlobSize(), props.getLastModified());
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("get status", path, e);
    }
  }

  @Override
  public String resolvePath(String path) {
    // Already absolute; round-tripping through the blob name drops trailing slashes and checks the container.
    return paths.uri(paths.blobName(path));
  }

  @Override
  public boolean mkdirs(String path) {
    paths.blobName(path); // a flat namespace has no directories; only validate
    return true;
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    BlobClient blob = container.client().getBlobClient(paths.fileBlobName(path));
    return new RemoteInputFile(new BlobRemoteFile(blob), path, fileSize, sizes.readChunk());
  }

  @Override
  public OutputFile newOutputFile(String path) {
    BlobClient blob = container.client().getBlobClient(paths.fileBlobName(path));
    return new BlobOutputFile(blob, path, container, sizes.writeChunk());
  }

  @Override
  public boolean delete(String path) throws IOException {
    String name = paths.fileBlobName(path);
    try {
      return container.client().getBlobClient(name).deleteIfExists();
    } catch (RuntimeException e) {
      if (StorageErrors.isNotFound(e)) {
        return false; // the container is missing
      }
      throw StorageErrors.toIOException("delete", path, e);
    }
  }

  @Override
  public Optional<String> getConf(String confKey) {
    return Optional.ofNullable(conf.get(confKey));
  }

  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite) throws IOException {
    // Only Unity Catalog's committer calls this, for small files: a download and a conditional upload
    // avoid server-side copy, which would need a SAS for the source.
    BlobClient src = container.client().getBlobClient(paths.fileBlobName(srcPath));
    BlobClient dest = container.client().getBlobClient(paths.fileBlobName(destPath));
    BinaryData content;
    try {
      content = src.downloadContent();
    } catch (RuntimeException e) {
      throw StorageErrors.toIOException("copy (read source)", srcPath, e);
    }
    container.ensureExists();
    try {
      BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(content);
      if (!overwrite) {
        options.setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
      }
      dest.getBlockBlobClient().uploadWithResponse(options, null, Context.NONE);
    } catch (RuntimeException e) {
      if (!overwrite && StorageErrors.isConflict(e)) {
        throw new FileAlreadyExistsException(destPath);
      }
      throw StorageErrors.toIOException("copy", destPath, e);
    }
  }

  @Override
  public String toString() {
    return "BlobFileIO[" + paths.containerUri() + "]";
  }
}
