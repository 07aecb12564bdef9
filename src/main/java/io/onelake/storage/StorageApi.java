/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import java.util.Locale;

/** Which REST API of an Azure storage account (or OneLake) the driver speaks. */
public enum StorageApi {
  /** The Blob API: flat namespace, works on every account, on OneLake and on Azurite. The default. */
  BLOB,
  /**
   * The DFS (ADLS Gen2) API, for hierarchical-namespace accounts and OneLake's DFS endpoint: real
   * directories, atomic rename and recursive delete.
   */
  DFS;

  /** {@code blob} or {@code dfs}, any case. */
  public static StorageApi parse(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "blob" -> BLOB;
      case "dfs" -> DFS;
      default -> throw new IllegalArgumentException("Invalid api '" + value + "': expected blob or dfs");
    };
  }

  public String propertyValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
