/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpClient;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.onelake.auth.StorageCredential;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The storage of one lakehouse root: Kernel's {@link FileIO} plus the few directory operations the
 * driver needs for its catalog (listing schemas and tables, dropping tables).
 *
 * <p>All paths are absolute URI strings in the form Kernel sees them, built with {@link
 * #resolve(String)}; they are never %-decoded.
 */
public interface LakehouseStorage extends AutoCloseable {
  /** Opens the storage of {@code location}; {@code kernelConf} is what {@link FileIO#getConf} serves. */
  static LakehouseStorage open(
      StorageLocation location, StorageCredential credential, Map<String, String> kernelConf) {
    return open(location, credential, StorageOptions.defaults().withKernelConf(kernelConf == null ? Map.of() : kernelConf));
  }

  /** Opens the storage of {@code location} through the API and with the settings of {@code options}. */
  static LakehouseStorage open(StorageLocation location, StorageCredential credential, StorageOptions options) {
    requireNonNull(location, "location is null");
    requireNonNull(credential, "credential is null");
    requireNonNull(options, "options is null");
    if (location.kind() == StorageLocation.Kind.LOCAL) {
      if (options.api() != StorageApi.BLOB) {
        throw new IllegalArgumentException("api=" + options.api().propertyValue()
            + " applies to Azure storage locations only, not to local folders");
      }
      return new LocalStorage(location, options.kernelConf());
    }
    HttpClient httpClient = options.sslContext().map(StorageClients::httpClient).orElseGet(StorageClients::defaultHttpClient);
    return switch (options.api()) {
      case BLOB -> BlobStorage.open(location, credential, options.kernelConf(), TransferSizes.DEFAULT, httpClient);
      case DFS -> DfsStorage.open(location, credential, options.kernelConf(), TransferSizes.DEFAULT, httpClient);
    };
  }

  /** Opens the storage of {@code location} with an empty Kernel configuration. */
  static LakehouseStorage open(StorageLocation location, StorageCredential credential) {
    return open(location, credential, Map.of());
  }

  /** The location this storage was opened for. */
  StorageLocation location();

  /** Kernel's file system for this root; pass it to {@code DefaultEngine.create(fileIO)}. */
  FileIO fileIO();

  /**
   * The root as Kernel sees paths, without a trailing slash: {@code file:/abs/path} or {@code
   * <serviceEndpoint>/<container>[/<rootPath>]}.
   */
  String rootUri();

  /** {@code rootUri() + "/" + relativePath}; {@code relativePath} uses {@code /}, e.g. {@code Tables/dbo/orders}. */
  default String resolve(String relativePath) {
    requireNonNull(relativePath, "relativePath is null");
    String rel = relativePath;
    while (rel.startsWith("/")) {
      rel = rel.substring(1);
    }
    while (rel.endsWith("/")) {
      rel = rel.substring(0, rel.length() - 1);
    }
    return rel.isEmpty() ? rootUri() : rootUri() + "/" + rel;
  }

  /** Names (not paths) of the immediate child directories of {@code uri}, sorted; empty if it does not exist. */
  List<String> listDirectories(String uri) throws IOException;

  /** Whether {@code uri} is a file, or a directory (prefix) with anything under it. */
  boolean exists(String uri) throws IOException;

  /** Removes the directory tree at {@code uri}; does nothing if it does not exist. */
  void deleteRecursively(String uri) throws IOException;

  /** Creates the directory and its parents (a no-op on flat blob storage). */
  void createDirectory(String uri) throws IOException;

  @Override
  void close();
}
