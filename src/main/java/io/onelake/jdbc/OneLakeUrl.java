/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.exec.SessionSetting;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:onelake:} URL: the lakehouse location and the connection properties, from the
 * URL ({@code ;key=value} or {@code ?key=value&...}) and from {@link Properties} (the URL wins). Property
 * names are checked here; unknown names fail with their name.
 */
public final class OneLakeUrl {
  public static final String PREFIX = "jdbc:onelake:";

  private final String location;
  private final Map<String, String> properties;

  private OneLakeUrl(String location, Map<String, String> properties) {
    this.location = requireNonNull(location, "location");
    this.properties = Map.copyOf(properties);
  }

  public static OneLakeUrl parse(String url, Properties info) {
    requireNonNull(url, "url");
    if (!url.startsWith(PREFIX)) {
      throw new OneLakeException(OneLakeException.CONNECTION, "Not a onelake URL: it must start with "
          + PREFIX);
    }
    String rest = url.substring(PREFIX.length());
    String location = rest;
    Map<String, String> fromUrl = new LinkedHashMap<>();
    int semicolon = rest.indexOf(';');
    int question = rest.indexOf('?');
    if (semicolon >= 0 && (question < 0 || semicolon < question)) {
      location = rest.substring(0, semicolon);
      for (String pair : rest.substring(semicolon + 1).split(";")) {
        addPair(fromUrl, pair, false);
      }
    } else if (question >= 0) {
      location = rest.substring(0, question);
      for (String pair : rest.substring(question + 1).split("&")) {
        addPair(fromUrl, pair, true);
      }
    }
    if (location.isBlank()) {
      throw new OneLakeException(OneLakeException.CONNECTION,
          "The URL names no lakehouse: use e.g. jdbc:onelake:file:/path/to/lakehouse");
    }
    Map<String, String> merged = new LinkedHashMap<>();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        merged.put(canonicalName(name), info.getProperty(name));
      }
    }
    for (Map.Entry<String, String> entry : fromUrl.entrySet()) {
      merged.put(canonicalName(entry.getKey()), entry.getValue());
    }
    return new OneLakeUrl(location.trim(), merged);
  }

  private static void addPair(Map<String, String> target, String pair, boolean decode) {
    if (pair.isBlank()) {
      return;
    }
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new OneLakeException(OneLakeException.CONNECTION,
          "Malformed URL property '" + (eq < 0 ? pair : "") + "': expected key=value");
    }
    String key = pair.substring(0, eq).trim();
    String value = pair.substring(eq + 1);
    if (decode) {
      key = URLDecoder.decode(key, StandardCharsets.UTF_8);
      value = URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
    target.put(key, value);
  }

  /** The name as the driver spells it; unknown names are an error. */
  private static String canonicalName(String name) {
    String trimmed = name.trim();
    var property = ConnectionProperty.byName(trimmed);
    if (property.isPresent()) {
      return property.get().propertyName();
    }
    var setting = SessionSetting.byName(trimmed);
    if (setting.isPresent()) {
      return setting.get().settingName();
    }
    throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "Unknown connection property '"
        + trimmed + "'. Known properties: " + String.join(", ", ConnectionProperty.allNames()));
  }

  /** The lakehouse location, without the prefix and without properties. */
  public String location() {
    return location;
  }

  /** Properties by canonical name. */
  public Map<String, String> properties() {
    return properties;
  }

  public String get(ConnectionProperty property) {
    return properties.get(property.propertyName());
  }

  /** The URL without any property values, safe to show (DatabaseMetaData.getURL()). */
  public String displayUrl() {
    return PREFIX + location;
  }

  /**
   * {@code text} with the value of every secret property replaced by {@code ***}: for messages that
   * quote another library's error text, which the driver does not control.
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      String value = entry.getValue();
      // Very short values would mask ordinary words; no real secret is that short.
      if (value != null && value.strip().length() >= 4 && ConnectionProperty.isSecretName(entry.getKey())) {
        scrubbed = scrubbed.replace(value.strip(), "***");
      }
    }
    return scrubbed;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(displayUrl());
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      text.append(';').append(entry.getKey()).append('=')
          .append(ConnectionProperty.isSecretName(entry.getKey()) ? "***" : entry.getValue());
    }
    return text.toString();
  }
}
