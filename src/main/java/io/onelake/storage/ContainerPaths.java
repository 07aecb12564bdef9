/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.utils.FileStatus;
import java.time.OffsetDateTime;

/**
 * Converts between Kernel's path strings ({@code <serviceEndpoint>/<container>/<blob name>}) and
 * blob names (on the DFS API: paths inside the file system, which are the same strings). The blob name is the rest of the string taken literally, never %-decoded: a partition
 * directory Kernel names {@code city=a%20b} is a blob name with the three characters {@code %20};
 * the SDK does the URL encoding of the request itself.
 */
final class ContainerPaths {
  private final String containerUri;
  private final String containerUriSlash;

  ContainerPaths(String serviceEndpoint, String containerName) {
    this.containerUri = requireNonNull(serviceEndpoint, "serviceEndpoint is null") + "/"
        + requireNonNull(containerName, "containerName is null");
    this.containerUriSlash = containerUri + "/";
  }

  /** {@code <serviceEndpoint>/<container>}, without a trailing slash. */
  String containerUri() {
    return containerUri;
  }

  /** The blob name (or prefix, without trailing slash) of {@code uri}; empty for the container itself. */
  String blobName(String uri) {
    requireNonNull(uri, "path is null");
    String name;
    if (uri.equals(containerUri)) {
      name = "";
    } else if (uri.startsWith(containerUriSlash)) {
      name = uri.substring(containerUriSlash.length());
    } else {
      throw new IllegalArgumentException("path is not inside container " + containerUri + ": " + uri);
    }
    int end = name.length();
    while (end > 0 && name.charAt(end - 1) == '/') {
      end--;
    }
    return name.substring(0, end);
  }

  /** The blob name of a file; it must not be the container itself. */
  String fileBlobName(String uri) {
    String name = blobName(uri);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("path names a container, not a file: " + uri);
    }
    return name;
  }

  /** The path string of a blob name. */
  String uri(String blobName) {
    return blobName.isEmpty() ? containerUri : containerUriSlash + blobName;
  }

  /** Kernel's status of a listed or inspected file; a missing modification time counts as 0. */
  FileStatus status(String blobName, long size, OffsetDateTime lastModified) {
    return FileStatus.of(uri(blobName), size, lastModified == null ? 0L : lastModified.toInstant().toEpochMilli());
  }

  /** The directory of {@code blobName}: everything before its last slash, or empty at the top. */
  static String parentOf(String blobName) {
    int slash = blobName.lastIndexOf('/');
    return slash < 0 ? "" : blobName.substring(0, slash);
  }

  /** The listing prefix for the children of directory {@code blobName}: {@code name/}, or empty for the container. */
  static String directoryPrefix(String blobName) {
    return blobName.isEmpty() ? "" : blobName + "/";
  }
}
