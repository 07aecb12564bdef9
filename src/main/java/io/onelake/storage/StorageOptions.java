/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How to open a lakehouse's storage besides its location and credential: the API, Kernel's
 * configuration, and optionally the TLS trust of the HTTP client (a private CA, or a test
 * certificate) for this storage alone rather than the whole JVM.
 */
public final class StorageOptions {
  private static final StorageOptions DEFAULTS = new StorageOptions(StorageApi.BLOB, Map.of(), null);

  private final StorageApi api;
  private final Map<String, String> kernelConf;
  private final SSLContext sslContext;

  private StorageOptions(StorageApi api, Map<String, String> kernelConf, SSLContext sslContext) {
    this.api = requireNonNull(api, "api is null");
    this.kernelConf = Map.copyOf(requireNonNull(kernelConf, "kernelConf is null"));
    this.sslContext = sslContext;
  }

  /** The Blob API, an empty Kernel configuration and the JVM's TLS trust. */
  public static StorageOptions defaults() {
    return DEFAULTS;
  }

  public StorageOptions withApi(StorageApi api) {
    return new StorageOptions(api, kernelConf, sslContext);
  }

  public StorageOptions withKernelConf(Map<String, String> kernelConf) {
    return new StorageOptions(api, kernelConf, sslContext);
  }

  public StorageOptions withSslContext(SSLContext sslContext) {
    return new StorageOptions(api, kernelConf, requireNonNull(sslContext, "sslContext is null"));
  }

  public StorageApi api() {
    return api;
  }

  /** What {@code FileIO.getConf} serves. */
  public Map<String, String> kernelConf() {
    return kernelConf;
  }

  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  @Override
  public String toString() {
    return "StorageOptions[api=" + api.propertyValue() + (sslContext == null ? "" : ", custom TLS trust") + "]";
  }
}
