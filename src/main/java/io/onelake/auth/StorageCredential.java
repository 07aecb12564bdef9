/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;

/**
 * How to authenticate to Azure storage. This is the single credential seam of the driver: every
 * Entra ID flow (service principal, managed identity, device code, a fixed access token ...) ends up
 * as a {@link #token(TokenCredential)}, so the storage layer only has to know these four kinds.
 *
 * <p>{@code toString()} never reveals secrets: it names the kind and, for a shared key, the account.
 */
public sealed interface StorageCredential
    permits StorageCredential.None,
        StorageCredential.SharedKey,
        StorageCredential.Sas,
        StorageCredential.Token {

  /** No credential: local folders, or anonymous (public) blob containers. */
  static StorageCredential none() {
    return None.INSTANCE;
  }

  /** Storage account name and key (the {@code Authorization: SharedKey} scheme). */
  static StorageCredential sharedKey(String accountName, String accountKey) {
    return new SharedKey(accountName, accountKey);
  }

  /** A shared access signature, with or without the leading {@code ?}. */
  static StorageCredential sas(String sasToken) {
    return new Sas(sasToken);
  }

  /** An OAuth bearer token source, e.g. from azure-identity. Requires HTTPS. */
  static StorageCredential token(TokenCredential tokenCredential) {
    return new Token(tokenCredential);
  }

  /** Anonymous access. */
  final class None implements StorageCredential {
    private static final None INSTANCE = new None();

    private None() {}

    @Override
    public String toString() {
      return "StorageCredential[none]";
    }
  }

  /** Account name plus account key. */
  final class SharedKey implements StorageCredential {
    private final String accountName;
    private final String accountKey;

    private SharedKey(String accountName, String accountKey) {
      this.accountName = requireNonEmpty(accountName, "accountName");
      this.accountKey = requireNonEmpty(accountKey, "accountKey");
    }

    public String accountName() {
      return accountName;
    }

    /** The secret key; never log it. */
    public String accountKey() {
      return accountKey;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SharedKey other
          && accountName.equals(other.accountName)
          && accountKey.equals(other.accountKey);
    }

    @Override
    public int hashCode() {
      return accountName.hashCode();
    }

    @Override
    public String toString() {
      return "StorageCredential[sharedKey account=" + accountName + "]";
    }
  }

  /** A shared access signature token, stored without the leading {@code ?}. */
  final class Sas implements StorageCredential {
    private final String sasToken;

    private Sas(String sasToken) {
      String token = requireNonEmpty(sasToken, "sasToken");
      this.sasToken = token.startsWith("?") ? token.substring(1) : token;
      if (this.sasToken.isEmpty()) {
        throw new IllegalArgumentException("sasToken must not be empty");
      }
    }

    /** The secret token, without a leading {@code ?}; never log it. */
    public String sasToken() {
      return sasToken;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sas other && sasToken.equals(other.sasToken);
    }

    @Override
    public int hashCode() {
      return sasToken.hashCode();
    }

    @Override
    public String toString() {
      return "StorageCredential[sas]";
    }
  }

  /** A bearer token source. */
  final class Token implements StorageCredential {
    private final TokenCredential tokenCredential;

    private Token(TokenCredential tokenCredential) {
      this.tokenCredential = requireNonNull(tokenCredential, "tokenCredential is null");
    }

    public TokenCredential tokenCredential() {
      return tokenCredential;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Token other && tokenCredential.equals(other.tokenCredential);
    }

    @Override
    public int hashCode() {
      return tokenCredential.hashCode();
    }

    @Override
    public String toString() {
      // The class name of the source is useful (which Entra ID flow?) and carries no secret.
      return "StorageCredential[token source=" + tokenCredential.getClass().getSimpleName() + "]";
    }
  }

  private static String requireNonEmpty(String value, String name) {
    requireNonNull(value, name + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }
}
