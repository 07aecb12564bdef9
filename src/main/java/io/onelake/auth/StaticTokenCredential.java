/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * A fixed access token supplied by the user ({@code auth=token}). The driver cannot refresh it, so
 * its expiry is taken from the JWT {@code exp} claim when the token is a readable JWT, and is
 * otherwise reported as far in the future: the service, not the client, then decides when it has
 * expired.
 */
public final class StaticTokenCredential implements TokenCredential {
  // Far enough to never trigger the SDK's proactive refresh, which could not help anyway.
  private static final OffsetDateTime NO_EXPIRY = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  // Only the number is needed; pulling in a JSON parser for one claim would be overkill.
  private static final Pattern EXP_CLAIM = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})");

  private final AccessToken accessToken;

  public StaticTokenCredential(String token) {
    requireNonNull(token, "token is null");
    String trimmed = token.strip();
    if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
      trimmed = trimmed.substring(7).strip();
    }
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("access token must not be empty");
    }
    this.accessToken = new AccessToken(trimmed, jwtExpiry(trimmed).orElse(NO_EXPIRY));
  }

  /** When the token expires: the JWT's {@code exp}, or a date far in the future if unknown. */
  public OffsetDateTime expiresAt() {
    return accessToken.getExpiresAt();
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.just(accessToken);
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return accessToken;
  }

  @Override
  public String toString() {
    return "StaticTokenCredential[expiresAt=" + accessToken.getExpiresAt() + "]";
  }

  static Optional<OffsetDateTime> jwtExpiry(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(stripPadding(parts[1])), UTF_8);
      Matcher m = EXP_CLAIM.matcher(payload);
      if (!m.find()) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1))).atOffset(ZoneOffset.UTC));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // Not a JWT we can read (opaque tokens are legal); fall back to "no known expiry".
      return Optional.empty();
    }
  }

  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }
}
