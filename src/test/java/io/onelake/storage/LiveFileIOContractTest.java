/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;

/** The FileIO contract against the live account or OneLake item of {@link LiveStorage}, through one API. */
abstract class LiveFileIOContractTest extends FileIOContractTest {
  protected abstract StorageApi api();

  @Override
  protected LakehouseStorage newStorage() {
    return LiveStorage.open(api());
  }

  @Override
  protected int bigFileSize() {
    return 3 * 1024 * 1024 + 5;
  }

  @Override
  protected int raceRounds() {
    return 3;
  }

  @AfterEach
  void removeTestFolder() throws IOException {
    storage.deleteRecursively(storage.rootUri());
  }
}
