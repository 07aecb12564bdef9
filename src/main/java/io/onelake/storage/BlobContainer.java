/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container of a lakehouse, created on the first write if it does not exist. That is what a
 * fresh Azurite needs; in production the container (a OneLake workspace) exists and the
 * principal may lack the right to create containers, so a refusal is only logged: the write itself
 * then reports the real problem.
 */
final class BlobContainer {
  private static final Logger LOG = LoggerFactory.getLogger(BlobContainer.class);

  private final BlobContainerClient client;
  private volatile boolean ensured;

  BlobContainer(BlobContainerClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  BlobContainerClient client() {
    return client;
  }

  /** Creates the container once per storage if it is missing; concurrent calls are harmless. */
  void ensureExists() {
    if (ensured) {
      return;
    }
    try {
      if (client.createIfNotExists()) {
        LOG.debug("created container {}", client.getBlobContainerName());
      }
    } catch (BlobStorageException e) {
      LOG.debug("could not create container {}: HTTP {} {}", client.getBlobContainerName(), e.getStatusCode(), e.getErrorCode());
    }
    ensured = true;
  }
}
