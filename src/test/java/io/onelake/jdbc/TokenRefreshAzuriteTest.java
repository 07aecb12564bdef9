/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import io.onelake.testing.HttpsOAuth;
import io.onelake.testing.TestTokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Tokens that expire within seconds, against Azurite over HTTPS, which refuses an expired token
 * (403 "Lifetime validation failed"): statements keep working across several token lifetimes only
 * if the driver renews tokens in time, and the credential counts how often it is asked.
 */
@ExtendWith(AzuriteExtension.class)
class TokenRefreshAzuriteTest {
  /** The JWT's own lifetime; Azurite rejects it after that. */
  private static final int JWT_SECONDS = 8;
  /**
   * The expiry reported to the driver lies this much before the JWT's, so that a request that leaves
   * just before the reported expiry still arrives with a valid token.
   */
  private static final Duration REPORTED_EARLY = Duration.ofSeconds(2);
  /**
   * The reported lifetime is 5 to 6 s (the JWT counts whole seconds); the driver renews at half of
   * it, so no two requests to the credential can be closer than this.
   */
  private static final Duration MIN_GAP = Duration.ofMillis(2400);

  private final AzuriteProcess azurite;

  TokenRefreshAzuriteTest(@HttpsOAuth AzuriteProcess azurite) {
    this.azurite = azurite;
  }

  /** A sign-in whose tokens live {@value #JWT_SECONDS} seconds; records when it is asked. */
  private static final class ShortLivedTokens implements TokenCredential {
    final List<Instant> requests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      Instant now = Instant.now();
      requests.add(now);
      Instant jwtExpiry = Instant.ofEpochSecond(now.getEpochSecond() + JWT_SECONDS);
      return new AccessToken(TestTokens.storageJwt(jwtExpiry), jwtExpiry.minus(REPORTED_EARLY).atOffset(ZoneOffset.UTC));
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromCallable(() -> getTokenSync(request));
    }

    List<Instant> snapshot() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }
  }

  private OneLakeDataSource dataSource(ShortLivedTokens tokens) {
    OneLakeDataSource ds = new OneLakeDataSource("jdbc:onelake:" + azurite.newContainerUrl("refresh") + "/Lake.Lakehouse");
    ds.setTokenCredential(tokens);
    ds.setSslContext(azurite.sslContext());
    // Every statement goes to storage, instead of reusing a snapshot for 5 s.
    ds.setOnelakeMetadataCacheTtl("0s");
    return ds;
  }

  @Test
  void statementsAcrossSeveralTokenLifetimesSucceed() throws Exception {
    ShortLivedTokens tokens = new ShortLivedTokens();
    OneLakeDataSource ds = dataSource(tokens);
    Instant start = Instant.now();
    int rows = 0;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      while (Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(12)) < 0) {
        assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (" + rows + ")"));
        rows++;
        assertEquals(rows, count(s, "t"));
        Thread.sleep(250);
      }
    }
    Duration elapsed = Duration.between(start, Instant.now());
    List<Instant> requests = tokens.snapshot();
    // Each token was usable for at most 6 s, and statements ran all along: it was renewed in time.
    assertTrue(requests.size() >= elapsed.toSeconds() / 6, requests.size() + " token requests in " + elapsed);
    assertRenewedOnlyNearExpiry(requests, elapsed);
  }

  @Test
  void concurrentStatementsShareOneRenewal() throws Exception {
    ShortLivedTokens tokens = new ShortLivedTokens();
    OneLakeDataSource ds = dataSource(tokens);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE shared (id INT)");
      s.executeUpdate("INSERT INTO shared VALUES (1), (2), (3)");
    }
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier barrier = new CyclicBarrier(threads);
    Instant start = Instant.now();
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          int statements = 0;
          try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            barrier.await(30, TimeUnit.SECONDS);
            while (Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(8)) < 0) {
              assertEquals(3, count(s, "shared"));
              statements++;
            }
          }
          return statements;
        }));
      }
      int statements = 0;
      for (Future<Integer> result : results) {
        statements += result.get(120, TimeUnit.SECONDS);
      }
      assertTrue(statements >= threads, statements + " statements");
    } finally {
      pool.shutdownNow();
    }
    assertRenewedOnlyNearExpiry(tokens.snapshot(), Duration.between(start, Instant.now()));
  }

  /** No two requests closer than half a token lifetime: never a stampede, never a premature renewal. */
  private static void assertRenewedOnlyNearExpiry(List<Instant> requests, Duration elapsed) {
    assertTrue(requests.size() >= 2, "the token was never renewed: " + requests);
    for (int i = 1; i < requests.size(); i++) {
      Duration gap = Duration.between(requests.get(i - 1), requests.get(i));
      assertTrue(gap.compareTo(MIN_GAP) >= 0, "token requests " + (i - 1) + " and " + i + " only " + gap.toMillis()
          + " ms apart: " + requests);
    }
    long upperBound = elapsed.toMillis() / MIN_GAP.toMillis() + 2;
    assertTrue(requests.size() <= upperBound, requests.size() + " token requests in " + elapsed);
  }

  private static int count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }
}
