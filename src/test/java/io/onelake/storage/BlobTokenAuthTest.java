/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.onelake.auth.AuthFailedException;
import io.onelake.auth.StaticTokenCredential;
import io.onelake.auth.StorageCredential;
import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import io.onelake.testing.HttpsOAuth;
import io.onelake.testing.TestTokens;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bearer-token path ({@code StorageCredential.token}) against the HTTPS Azurite with {@code
 * --oauth basic}: the SDK refuses tokens over HTTP, and Azurite checks the token's claims (but not
 * its signature), so an unsigned JWT with the storage audience is enough.
 */
@ExtendWith(AzuriteExtension.class)
class BlobTokenAuthTest {
  private final AzuriteProcess azurite;

  BlobTokenAuthTest(@HttpsOAuth AzuriteProcess azurite) {
    this.azurite = azurite;
  }

  @Test
  void tokenCredentialWritesReadsAndRunsKernel() throws Exception {
    assertTrue(azurite.blobEndpoint().startsWith("https://"), azurite.blobEndpoint());
    StorageCredential credential = StorageCredential.token(
        new StaticTokenCredential(TestTokens.storageJwt(Instant.now().plusSeconds(3600))));
    try (BlobStorage storage = BlobStorage.open(
        StorageLocation.parse(azurite.newContainerUrl("oauth") + "/Lake.Lakehouse"),
        credential, Map.of(), new TransferSizes(1024 * 1024, 256 * 1024), StorageClients.httpClient(azurite.sslContext()))) {
      FileIO io = storage.fileIO();
      String file = storage.resolve("Files/hello.txt");
      io.newOutputFile(file).writeAtomically(FileIOContractTest.lines("hello"), false);
      byte[] data = new byte[6];
      try (SeekableInputStream in = io.newInputFile(file, -1).newStream()) {
        in.readFully(data, 0, 6);
      }
      assertEquals("hello\n", new String(data, UTF_8));

      Engine engine = DefaultEngine.create(io);
      String table = storage.resolve("Tables/t");
      TableManager.buildCreateTableTransaction(table, new StructType().add("id", IntegerType.INTEGER), "test")
          .build(engine)
          .commit(engine, CloseableIterable.emptyIterable());
      assertEquals(0, TableManager.loadSnapshot(table).build(engine).getVersion());
    }
  }

  @Test
  void refusedTokenIsAnAuthFailureWithoutTheToken() throws Exception {
    String expired = TestTokens.storageJwt(Instant.now().minusSeconds(120));
    StorageCredential credential = StorageCredential.token(new StaticTokenCredential(expired));
    try (LakehouseStorage storage = LakehouseStorage.open(
        StorageLocation.parse(azurite.newContainerUrl("expired") + "/Lake.Lakehouse"), credential,
        StorageOptions.defaults().withSslContext(azurite.sslContext()))) {
      AuthFailedException e = assertThrows(AuthFailedException.class,
          () -> storage.fileIO().getFileStatus(storage.resolve("Files/x")));
      assertTrue(e.getMessage().contains("HTTP 401") || e.getMessage().contains("HTTP 403"), e.getMessage());
      assertFalse(e.getMessage().contains(expired), e.getMessage());
    }
  }
}
