/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The FileIO contract on the Blob API of the same real account or OneLake item as {@link
 * DfsFileIOLiveTest}: OneLake's blob endpoint, its conditional writes and {@code startFrom}
 * listings. Skipped unless {@value LiveStorage#URL_VARIABLE} is set.
 */
@EnabledIfEnvironmentVariable(named = LiveStorage.URL_VARIABLE, matches = ".+")
class BlobFileIOLiveTest extends LiveFileIOContractTest {
  @Override
  protected StorageApi api() {
    return StorageApi.BLOB;
  }
}
