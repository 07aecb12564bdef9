/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.onelake.auth.StaticTokenCredential;
import io.onelake.auth.StorageCredential;
import io.onelake.testing.AzuriteProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bearer-token path ({@code StorageCredential.token}) against its own HTTPS Azurite with
 * {@code --oauth basic}: the SDK refuses tokens over HTTP, and Azurite checks the token's claims
 * (but not its signature), so an unsigned JWT with the storage audience is enough.
 */
class BlobTokenAuthTest {
  private static final String PASSWORD = "changeit";

  @TempDir static Path certDir;
  private static AzuriteProcess azurite;
  private static HttpClient httpClient;

  @BeforeAll
  static void startHttpsAzurite() throws Exception {
    Path pfx = certDir.resolve("azurite.pfx");
    Process keytool = new ProcessBuilder(
        Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "azurite", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", pfx.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");

    azurite = AzuriteProcess.start(
        AzuriteProcess.defaultHome(), List.of("--oauth", "basic", "--cert", pfx.toString(), "--pwd", PASSWORD));
    assertTrue(azurite.blobEndpoint().startsWith("https://"), azurite.blobEndpoint());

    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pfx)) {
      trust.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    httpClient = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(ssl)).build();
  }

  @AfterAll
  static void stopAzurite() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  void tokenCredentialWritesReadsAndRunsKernel() throws Exception {
    StorageCredential credential = StorageCredential.token(new StaticTokenCredential(unsignedJwt()));
    try (BlobStorage storage = BlobStorage.open(
        StorageLocation.parse(azurite.newContainerUrl("oauth") + "/Lake.Lakehouse"),
        credential, Map.of(), 1024 * 1024, 256 * 1024, httpClient)) {
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

  private static String unsignedJwt() {
    long now = Instant.now().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    String claims = "{\"aud\":\"https://storage.azure.com\","
        + "\"iss\":\"https://sts.windows.net/00000000-0000-0000-0000-000000000000/\","
        + "\"iat\":" + (now - 60) + ",\"nbf\":" + (now - 60) + ",\"exp\":" + (now + 3600) + "}";
    return b64.encodeToString(header.getBytes(UTF_8)) + "." + b64.encodeToString(claims.getBytes(UTF_8)) + ".";
  }
}
