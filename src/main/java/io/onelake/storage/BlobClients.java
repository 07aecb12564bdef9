/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.onelake.auth.StorageCredential;
import java.util.Locale;

/** Builds the SDK client of a blob location from a {@link StorageCredential}. */
final class BlobClients {
  private BlobClients() {}

  /**
   * The JDK client (java.net.http) rather than Netty: no native jars, and nothing to close
   * explicitly, since its selector and worker threads are daemons that end with the client.
   */
  static HttpClient defaultHttpClient() {
    return new JdkHttpClientBuilder().build();
  }

  static BlobServiceClient serviceClient(StorageLocation location, StorageCredential credential, HttpClient httpClient) {
    String endpoint = location.serviceEndpoint();
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder().endpoint(endpoint).httpClient(httpClient);
    if (credential instanceof StorageCredential.SharedKey key) {
      builder.credential(new StorageSharedKeyCredential(key.accountName(), key.accountKey()));
    } else if (credential instanceof StorageCredential.Sas sas) {
      builder.credential(new AzureSasCredential(sas.sasToken()));
    } else if (credential instanceof StorageCredential.Token token) {
      if (!endpoint.toLowerCase(Locale.ROOT).startsWith("https://")) {
        // The SDK would fail later with a less helpful message; the service refuses it too.
        throw new IllegalArgumentException("bearer token authentication requires an https endpoint: " + endpoint);
      }
      builder.credential(token.tokenCredential());
    }
    return builder.buildClient();
  }
}
