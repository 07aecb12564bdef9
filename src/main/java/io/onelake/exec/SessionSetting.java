/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.OneLakeException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The session settings of SPEC §5, with defaults and the values each accepts. */
public enum SessionSetting {
  INSERT_MODE("onelake_insert_mode", "append", List.of("append", "overwrite", "error_if_exists", "ignore")),
  SCHEMA_MODE("onelake_schema_mode", "", List.of("", "merge", "overwrite")),
  SAFE_CAST("onelake_safe_cast", "false", List.of("true", "false")),
  TARGET_FILE_SIZE("onelake_target_file_size", "128MB", List.of()),
  WRITE_BATCH_SIZE("onelake_write_batch_size", "0", List.of()),
  PARQUET_COMPRESSION("onelake_parquet_compression", "snappy",
      List.of("snappy", "zstd", "gzip", "uncompressed")),
  ALLOW_DESTRUCTIVE_OPERATIONS("onelake_allow_destructive_operations", "false", List.of("true", "false")),
  METADATA_CACHE_TTL("onelake_metadata_cache_ttl", "5s", List.of()),
  VACUUM_RETENTION_CHECK("onelake_vacuum_retention_check", "true", List.of("true", "false"));

  private final String settingName;
  private final String defaultValue;
  private final List<String> allowed;

  SessionSetting(String settingName, String defaultValue, List<String> allowed) {
    this.settingName = settingName;
    this.defaultValue = defaultValue;
    this.allowed = allowed;
  }

  public String settingName() {
    return settingName;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public static Optional<SessionSetting> byName(String name) {
    for (SessionSetting setting : values()) {
      if (setting.settingName.equalsIgnoreCase(name)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }

  /** Checks and normalizes a value; a bad value names the setting and what it accepts. */
  public String normalize(String value) {
    String text = value == null ? "" : value.trim();
    switch (this) {
      case TARGET_FILE_SIZE:
        ByteSize.parse(settingName, text);
        return text;
      case WRITE_BATCH_SIZE:
        try {
          if (Integer.parseInt(text) >= 0) {
            return text;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw bad(text, "a non-negative number of rows (0 = automatic)");
      case METADATA_CACHE_TTL:
        DurationText.parse(settingName, text);
        return text;
      default:
        String lower = text.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
          throw bad(text, "one of " + String.join(", ", allowed.stream()
              .map(v -> v.isEmpty() ? "'' (none)" : v).toList()));
        }
        return lower;
    }
  }

  private OneLakeException bad(String value, String expected) {
    return new OneLakeException(OneLakeException.INVALID_PARAMETER_VALUE,
        "Invalid value '" + value + "' for setting " + settingName + ": expected " + expected);
  }
}
