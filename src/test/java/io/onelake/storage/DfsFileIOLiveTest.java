/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The whole FileIO contract on the DFS (ADLS Gen2) API of a real hierarchical-namespace account or
 * OneLake item. Azurite has no DFS endpoint, so this runs only when {@value LiveStorage#URL_VARIABLE}
 * names one (with credentials in the environment); otherwise JUnit skips it.
 */
@EnabledIfEnvironmentVariable(named = LiveStorage.URL_VARIABLE, matches = ".+")
class DfsFileIOLiveTest extends LiveFileIOContractTest {
  @Override
  protected StorageApi api() {
    return StorageApi.DFS;
  }
}
