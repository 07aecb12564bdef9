/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CachingTokenCredentialTest {
  private static final TokenRequestContext STORAGE = new TokenRequestContext().addScopes("https://storage.azure.com/.default");

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Issues "token-N" valid for {@code lifetime} from the clock's now, and counts the requests. */
  private static final class CountingCredential implements TokenCredential {
    final AtomicInteger calls = new AtomicInteger();
    final Clock clock;
    final Function<Instant, AccessToken> issue;

    CountingCredential(Clock clock, Duration lifetime) {
      this(clock, now -> null, lifetime);
    }

    CountingCredential(Clock clock, Function<Instant, AccessToken> issue, Duration lifetime) {
      this.clock = clock;
      this.issue = now -> {
        AccessToken custom = issue.apply(now);
        return custom != null ? custom : new AccessToken("token-" + calls.get(), now.plus(lifetime).atOffset(ZoneOffset.UTC));
      };
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      calls.incrementAndGet();
      return issue.apply(clock.instant());
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromCallable(() -> getTokenSync(request));
    }
  }

  /** A credential from its synchronous behaviour; the asynchronous call does the same. */
  private static TokenCredential syncCredential(Function<TokenRequestContext, AccessToken> getTokenSync) {
    return new TokenCredential() {
      @Override
      public AccessToken getTokenSync(TokenRequestContext request) {
        return getTokenSync.apply(request);
      }

      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
      }
    };
  }

  @Test
  void longLivedTokenIsReusedUntilFiveMinutesBeforeExpiry() {
    ManualClock clock = new ManualClock();
    CountingCredential source = new CountingCredential(clock, Duration.ofHours(1));
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    assertEquals("token-1", cache.getTokenSync(STORAGE).getToken());
    clock.advance(Duration.ofMinutes(54));
    assertEquals("token-1", cache.getTokenSync(STORAGE).getToken());
    assertEquals("token-1", cache.getToken(STORAGE).block().getToken());
    assertEquals(1, source.calls.get());
    clock.advance(Duration.ofMinutes(2)); // 56 minutes: inside the refresh margin
    assertEquals("token-2", cache.getTokenSync(STORAGE).getToken());
    assertEquals(2, source.calls.get());
  }

  @Test
  void shortLivedTokenIsRenewedAtHalfItsLifetime() {
    ManualClock clock = new ManualClock();
    CountingCredential source = new CountingCredential(clock, Duration.ofSeconds(4));
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    cache.getTokenSync(STORAGE);
    clock.advance(Duration.ofMillis(1900));
    cache.getTokenSync(STORAGE);
    assertEquals(1, source.calls.get());
    clock.advance(Duration.ofMillis(200));
    assertEquals("token-2", cache.getTokenSync(STORAGE).getToken());
    assertEquals(2, source.calls.get());
  }

  @Test
  void refreshHintOfTheIdentityLibraryIsHonoured() {
    ManualClock clock = new ManualClock();
    Instant start = clock.instant();
    CountingCredential source = new CountingCredential(clock,
        now -> new AccessToken("hinted", now.plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC),
            now.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)),
        Duration.ZERO);
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    cache.getTokenSync(STORAGE);
    clock.advance(Duration.ofMinutes(59));
    cache.getTokenSync(STORAGE);
    assertEquals(1, source.calls.get());
    clock.advance(Duration.ofMinutes(2));
    cache.getTokenSync(STORAGE);
    assertEquals(2, source.calls.get(), "refreshed at the hint, not 5 minutes before the 24 h expiry of " + start);
  }

  @Test
  void tokensAreCachedPerScopeAndTenant() {
    ManualClock clock = new ManualClock();
    CountingCredential source = new CountingCredential(clock, Duration.ofHours(1));
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    TokenRequestContext other = new TokenRequestContext().addScopes("https://other/.default");
    TokenRequestContext otherTenant = new TokenRequestContext().addScopes("https://storage.azure.com/.default").setTenantId("t2");
    String storage = cache.getTokenSync(STORAGE).getToken();
    String second = cache.getTokenSync(other).getToken();
    String third = cache.getTokenSync(otherTenant).getToken();
    assertEquals(3, source.calls.get());
    assertEquals(storage, cache.getTokenSync(new TokenRequestContext().addScopes("https://storage.azure.com/.default")).getToken());
    assertEquals(second, cache.getTokenSync(other).getToken());
    assertEquals(third, cache.getTokenSync(otherTenant).getToken());
    assertEquals(3, source.calls.get());
  }

  @Test
  void continuousAccessEvaluationDoesNotSplitTheCache() {
    ManualClock clock = new ManualClock();
    CountingCredential source = new CountingCredential(clock, Duration.ofHours(1));
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    String token = cache.getTokenSync(STORAGE).getToken();
    TokenRequestContext cae = new TokenRequestContext().addScopes("https://storage.azure.com/.default").setCaeEnabled(true);
    assertEquals(token, cache.getTokenSync(cae).getToken());
    assertEquals(1, source.calls.get());
  }

  @Test
  void claimsChallengeBypassesTheCache() {
    ManualClock clock = new ManualClock();
    CountingCredential source = new CountingCredential(clock, Duration.ofHours(1));
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    cache.getTokenSync(STORAGE);
    cache.getTokenSync(new TokenRequestContext().addScopes("https://storage.azure.com/.default").setClaims("{\"access_token\":{}}"));
    assertEquals(2, source.calls.get());
  }

  @Test
  void failedRefreshKeepsTheValidTokenAndRetriesLater() {
    ManualClock clock = new ManualClock();
    AtomicInteger calls = new AtomicInteger();
    TokenCredential flaky = syncCredential(request -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("identity endpoint unavailable");
      }
      return new AccessToken("t" + calls.get(), clock.instant().plus(Duration.ofMinutes(60)).atOffset(ZoneOffset.UTC));
    });
    CachingTokenCredential cache = new CachingTokenCredential(flaky, Duration.ofMinutes(5), clock);
    assertEquals("t1", cache.getTokenSync(STORAGE).getToken());
    clock.advance(Duration.ofMinutes(56));
    assertEquals("t1", cache.getTokenSync(STORAGE).getToken(), "the refresh failed; the old token still works");
    assertEquals("t1", cache.getTokenSync(STORAGE).getToken(), "no retry right after a failure");
    assertEquals(2, calls.get());
    clock.advance(Duration.ofSeconds(31));
    assertEquals("t3", cache.getTokenSync(STORAGE).getToken());
  }

  @Test
  void failureWithoutAValidTokenReachesTheCaller() {
    TokenCredential broken = syncCredential(request -> {
      throw new IllegalStateException("AADSTS7000215: Invalid client secret provided");
    });
    CachingTokenCredential cache = new CachingTokenCredential(broken);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.getTokenSync(STORAGE));
    assertTrue(e.getMessage().startsWith("AADSTS7000215"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> cache.getToken(STORAGE).block());
  }

  @Test
  void concurrentCallersWithoutATokenWaitForOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    TokenCredential slow = syncCredential(request -> {
      calls.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new AccessToken("only", Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
    });
    CachingTokenCredential cache = new CachingTokenCredential(slow);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> cache.getTokenSync(STORAGE)));
      }
      Thread.sleep(200); // let every caller arrive while the one fetch is blocked
      release.countDown();
      AccessToken first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<AccessToken> result : results) {
        assertSame(first, result.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, calls.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whileOneCallerRenewsOthersKeepTheStillValidToken() throws Exception {
    ManualClock clock = new ManualClock();
    CountDownLatch renewing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    TokenCredential source = syncCredential(request -> {
      if (calls.incrementAndGet() == 2) {
        renewing.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new AccessToken("t" + calls.get(), clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
    });
    CachingTokenCredential cache = new CachingTokenCredential(source, Duration.ofMinutes(5), clock);
    cache.getTokenSync(STORAGE);
    clock.advance(Duration.ofMinutes(57));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<AccessToken> renewal = pool.submit(() -> cache.getTokenSync(STORAGE));
      assertTrue(renewing.await(10, TimeUnit.SECONDS));
      // The renewal is blocked; other callers are not.
      for (int i = 0; i < 5; i++) {
        assertEquals("t1", cache.getTokenSync(STORAGE).getToken());
      }
      release.countDown();
      assertEquals("t2", renewal.get(10, TimeUnit.SECONDS).getToken());
      assertEquals("t2", cache.getTokenSync(STORAGE).getToken());
      assertEquals(2, calls.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringShowsNoToken() {
    ManualClock clock = new ManualClock();
    CachingTokenCredential cache = new CachingTokenCredential(new CountingCredential(clock, Duration.ofHours(1)), Duration.ofMinutes(5), clock);
    String token = cache.getTokenSync(STORAGE).getToken();
    assertFalse(cache.toString().contains(token), cache.toString());
    assertEquals("CachingTokenCredential[CountingCredential]", cache.toString());
    assertSame(cache, CachingTokenCredential.of(cache));
  }
}
