/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.client.traits.AzureNamedKeyCredentialTrait;
import com.azure.core.client.traits.AzureSasCredentialTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.AzureNamedKeyCredential;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import io.onelake.auth.StorageCredential;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/** Builds the SDK clients (Blob or DFS) of a location from a {@link StorageCredential}. */
final class StorageClients {
  private StorageClients() {}

  /**
   * The JDK client (java.net.http) rather than Netty: no native jars, and nothing to close
   * explicitly, since its selector and worker threads are daemons that end with the client.
   */
  static HttpClient defaultHttpClient() {
    return new JdkHttpClientBuilder().build();
  }

  /** The JDK client with its own TLS trust, e.g. for a private CA, without touching the JVM's. */
  static HttpClient httpClient(SSLContext sslContext) {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(sslContext)).build();
  }

  static BlobServiceClient blobService(String endpoint, StorageCredential credential, HttpClient httpClient) {
    return configure(new BlobServiceClientBuilder(), endpoint, credential, httpClient).buildClient();
  }

  static DataLakeServiceClient dfsService(String endpoint, StorageCredential credential, HttpClient httpClient) {
    return configure(new DataLakeServiceClientBuilder(), endpoint, credential, httpClient).buildClient();
  }

  /** Both builders share these traits, so one method sets up either API the same way. */
  private static <B extends TokenCredentialTrait<B> & AzureNamedKeyCredentialTrait<B> & AzureSasCredentialTrait<B>
          & HttpTrait<B> & EndpointTrait<B>> B configure(
      B builder, String endpoint, StorageCredential credential, HttpClient httpClient) {
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(credential, "credential is null");
    builder.endpoint(endpoint).httpClient(requireNonNull(httpClient, "httpClient is null"));
    if (credential instanceof StorageCredential.SharedKey key) {
      builder.credential(new AzureNamedKeyCredential(key.accountName(), key.accountKey()));
    } else if (credential instanceof StorageCredential.Sas sas) {
      builder.credential(new AzureSasCredential(sas.sasToken()));
    } else if (credential instanceof StorageCredential.Token token) {
      if (!endpoint.toLowerCase(Locale.ROOT).startsWith("https://")) {
        // The SDK would fail later with a less helpful message; the service refuses it too.
        throw new IllegalArgumentException("bearer token authentication requires an https endpoint: " + endpoint);
      }
      builder.credential(token.tokenCredential());
    }
    return builder;
  }
}
