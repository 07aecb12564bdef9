/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import io.onelake.auth.AuthMode;
import io.onelake.auth.CachingTokenCredential;
import io.onelake.auth.DeviceCodePrompt;
import io.onelake.auth.EntraCredentials;
import io.onelake.auth.EntraSettings;
import io.onelake.auth.StorageCredential;
import java.util.Map;
import java.util.UUID;

/**
 * The real account or OneLake item that the live tests use, from the environment (see
 * docs/user-guide.md, "Live tests"). Each test gets a fresh folder under {@code Files/} of the
 * configured root (OneLake allows only {@code Tables/} and {@code Files/} at an item's root), and
 * removes it afterwards.
 */
final class LiveStorage {
  /** The lakehouse location as written after {@code jdbc:onelake:}, e.g. {@code //Workspace/Item}. */
  static final String URL_VARIABLE = "ONELAKE_TEST_URL";
  /** For plain ADLS Gen2 accounts: the account key instead of an Entra ID sign-in. */
  static final String ACCOUNT_KEY_VARIABLE = "ONELAKE_TEST_ACCOUNT_KEY";

  private LiveStorage() {}

  /** A fresh root through {@code api}, with small transfer sizes so that chunked paths are taken. */
  static LakehouseStorage open(StorageApi api) {
    StorageLocation base = StorageLocation.parse(System.getenv(URL_VARIABLE));
    StorageLocation root = StorageLocation.blob(base.serviceEndpoint(), base.accountName(), base.containerName(),
        base.rootPath() + "/Files/onelake-jdbc-live-" + UUID.randomUUID());
    StorageCredential credential = credential(base);
    return switch (api) {
      case BLOB -> BlobStorage.open(root, credential, Map.of(), new TransferSizes(1024 * 1024, 256 * 1024), StorageClients.defaultHttpClient());
      case DFS -> DfsStorage.open(root, credential, Map.of(), new TransferSizes(1024 * 1024, 256 * 1024), StorageClients.defaultHttpClient());
    };
  }

  /**
   * The account key if given, else the default Entra ID chain: AZURE_TENANT_ID, AZURE_CLIENT_ID and
   * AZURE_CLIENT_SECRET (a service principal), a managed identity, or an Azure CLI login.
   */
  private static StorageCredential credential(StorageLocation base) {
    String key = System.getenv(ACCOUNT_KEY_VARIABLE);
    if (key != null && !key.isBlank()) {
      return StorageCredential.sharedKey(base.accountName(), key);
    }
    return StorageCredential.token(new CachingTokenCredential(
        EntraCredentials.create(AuthMode.DEFAULT, EntraSettings.none(), DeviceCodePrompt.toStandardError())));
  }
}
