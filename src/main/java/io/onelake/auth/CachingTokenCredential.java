/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Caches the tokens of one credential per scope (and tenant) and renews them before they expire.
 *
 * <p>Why not rely on the SDK's own cache: it lives in each client's pipeline, so a connection with a
 * Blob and a DFS client, or several clients, would sign in several times; and its refresh window is
 * fixed at five minutes, so a short-lived token would be fetched on every request. Here:
 *
 * <ul>
 *   <li>A token is reused until its <em>refresh time</em>: {@code refreshMargin} (five minutes)
 *       before expiry, or half its lifetime for tokens shorter than twice that, or the earlier
 *       refresh time the identity library suggests.
 *   <li>Exactly one caller fetches a new token; the others keep using the old one while it is still
 *       valid, or wait for the fetch when it is not (no stampede on the identity endpoint).
 *   <li>If a refresh fails while the old token is still valid, the old token is used and the
 *       refresh is tried again later, so a brief Entra ID outage does not fail statements.
 *   <li>A request with claims (a continuous-access-evaluation challenge: the service rejected the
 *       cached token) always goes to the credential.
 * </ul>
 */
public final class CachingTokenCredential implements TokenCredential {
  private static final Logger LOG = LoggerFactory.getLogger(CachingTokenCredential.class);

  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
  /** After a failed refresh with a still valid token, wait at most this long before trying again. */
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

  private final TokenCredential delegate;
  private final Duration refreshMargin;
  private final Clock clock;
  private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();

  public CachingTokenCredential(TokenCredential delegate) {
    this(delegate, DEFAULT_REFRESH_MARGIN, Clock.systemUTC());
  }

  public CachingTokenCredential(TokenCredential delegate, Duration refreshMargin, Clock clock) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.refreshMargin = requireNonNull(refreshMargin, "refreshMargin is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (refreshMargin.isNegative()) {
      throw new IllegalArgumentException("refreshMargin must not be negative");
    }
  }

  /** {@code credential} itself if it already caches this way, else a caching wrapper. */
  public static CachingTokenCredential of(TokenCredential credential) {
    return credential instanceof CachingTokenCredential caching ? caching : new CachingTokenCredential(credential);
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    requireNonNull(request, "request is null");
    if (request.getClaims() != null) {
      return delegate.getTokenSync(request);
    }
    return slots.computeIfAbsent(Key.of(request), key -> new Slot()).get(request);
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> getTokenSync(request));
  }

  /** The refresh time of a token fetched at {@code fetchedAt}. */
  Instant refreshAt(AccessToken token, Instant fetchedAt) {
    Instant expiresAt = token.getExpiresAt().toInstant();
    Duration lifetime = Duration.between(fetchedAt, expiresAt);
    Duration margin = lifetime.dividedBy(2).compareTo(refreshMargin) < 0 ? lifetime.dividedBy(2) : refreshMargin;
    Instant refreshAt = expiresAt.minus(margin.isNegative() ? Duration.ZERO : margin);
    if (token.getRefreshAt() != null && token.getRefreshAt().toInstant().isBefore(refreshAt)) {
      refreshAt = token.getRefreshAt().toInstant();
    }
    return refreshAt;
  }

  @Override
  public String toString() {
    // The delegate's class tells which sign-in this is; its toString() might not be as careful.
    return "CachingTokenCredential[" + delegate.getClass().getSimpleName() + "]";
  }

  /**
   * Scopes and tenant decide which token fits. Whether the caller can handle continuous access
   * evaluation does not: the storage clients ask with it and other callers without, and a token for
   * the same scope serves both (a revoked one comes back as a claims challenge, which bypasses the
   * cache).
   */
  private record Key(List<String> scopes, String tenantId) {
    static Key of(TokenRequestContext request) {
      return new Key(List.copyOf(request.getScopes()), request.getTenantId());
    }
  }

  /** The cached token of one key, and the fetch in progress if any. */
  private final class Slot {
    private AccessToken token; // guarded by this
    private Instant refreshAt; // guarded by this
    private CompletableFuture<AccessToken> fetch; // guarded by this

    AccessToken get(TokenRequestContext request) {
      CompletableFuture<AccessToken> pending;
      boolean fetchHere = false;
      synchronized (this) {
        Instant now = clock.instant();
        if (token != null && now.isBefore(refreshAt)) {
          return token;
        }
        if (fetch == null) {
          fetch = new CompletableFuture<>();
          fetchHere = true;
        } else if (isUsable(now)) {
          return token; // another caller is already renewing it
        }
        pending = fetch;
      }
      if (fetchHere) {
        return fetch(request, pending);
      }
      return await(pending);
    }

    private AccessToken fetch(TokenRequestContext request, CompletableFuture<AccessToken> pending) {
      AccessToken fresh;
      try {
        fresh = requireNonNull(delegate.getTokenSync(request), "credential returned no token");
      } catch (RuntimeException e) {
        AccessToken fallback;
        synchronized (this) {
          fetch = null;
          Instant now = clock.instant();
          fallback = isUsable(now) ? token : null;
          if (fallback != null) {
            Duration half = Duration.between(now, token.getExpiresAt().toInstant()).dividedBy(2);
            refreshAt = now.plus(half.compareTo(RETRY_AFTER_FAILURE) < 0 ? half : RETRY_AFTER_FAILURE);
          }
        }
        pending.completeExceptionally(e);
        if (fallback != null) {
          LOG.warn("token refresh failed ({}); using the current token until it expires", e.getClass().getSimpleName());
          return fallback;
        }
        throw e;
      }
      synchronized (this) {
        token = fresh;
        refreshAt = refreshAt(fresh, clock.instant());
        fetch = null;
      }
      pending.complete(fresh);
      return fresh;
    }

    private boolean isUsable(Instant now) {
      return token != null && now.isBefore(token.getExpiresAt().toInstant());
    }

    private AccessToken await(CompletableFuture<AccessToken> pending) {
      try {
        return pending.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
  }
}
