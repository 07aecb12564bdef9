/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.onelake.auth.StorageCredential;
import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AzuriteExtension.class)
class BlobFileIOTest extends FileIOContractTest {
  private final AzuriteProcess azurite;
  private String containerUrl;

  BlobFileIOTest(AzuriteProcess azurite) {
    this.azurite = azurite;
  }

  @Override
  protected LakehouseStorage newStorage() {
    containerUrl = azurite.newContainerUrl("fileio");
    // Small transfer sizes so that a few MiB already take the staged-block and multi-chunk paths.
    return BlobStorage.open(
        StorageLocation.parse(containerUrl + "/Sales Data.Lakehouse"),
        azurite.credential(),
        Map.of("parquet.compression", "SNAPPY"), new TransferSizes(1024 * 1024, 256 * 1024),
        StorageClients.defaultHttpClient());
  }

  @Override
  protected int bigFileSize() {
    return 3 * 1024 * 1024 + 5;
  }

  @Override
  protected int raceRounds() {
    return 10;
  }

  @Test
  void blobNamesAreTheLiteralPathSuffix() throws IOException {
    write("Tables/t/city=a%20b/Zürich x.json", "v");
    List<String> names = new ArrayList<>();
    for (BlobItem item : rawContainer().listBlobs()) {
      names.add(item.getName());
    }
    assertEquals(List.of("Sales Data.Lakehouse/Tables/t/city=a%20b/Zürich x.json"), names);
    assertEquals(containerUrl + "/Sales Data.Lakehouse", storage.rootUri());
  }

  @Test
  void stagedBlocksAreInvisibleUntilCommit() throws IOException {
    String path = storage.resolve("Tables/t/part-1.parquet");
    var out = io.newOutputFile(path).create(true);
    out.write(randomBytes(2 * 1024 * 1024 + 1)); // stages two blocks
    assertFalse(storage.exists(path));
    assertFalse(rawContainer().getBlobClient("Sales Data.Lakehouse/Tables/t/part-1.parquet").exists());
    out.close();
    assertTrue(storage.exists(path));
  }

  @Test
  void wrongKeyFailsWithoutLeakingIt() {
    String bogusKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
    try (LakehouseStorage bad = LakehouseStorage.open(
        StorageLocation.parse(azurite.newContainerUrl("badkey")),
        StorageCredential.sharedKey(AzuriteProcess.ACCOUNT_NAME, bogusKey),
        Map.of())) {
      IOException e = assertThrows(IOException.class, () -> bad.fileIO().getFileStatus(bad.resolve("x")));
      assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
      assertFalse(e.getMessage().contains(bogusKey));
    }
  }

  @Test
  void bearerTokensNeedHttps() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LakehouseStorage.open(
        StorageLocation.parse(azurite.newContainerUrl("token")),
        StorageCredential.token(new io.onelake.auth.StaticTokenCredential("abc")),
        Map.of()));
    assertTrue(e.getMessage().contains("https"), e.getMessage());
  }

  private BlobContainerClient rawContainer() {
    String name = containerUrl.substring(containerUrl.lastIndexOf('/') + 1);
    return new BlobServiceClientBuilder()
        .endpoint(azurite.blobEndpoint())
        .credential(new StorageSharedKeyCredential(azurite.accountName(), azurite.accountKey()))
        .buildClient()
        .getBlobContainerClient(name);
  }
}
