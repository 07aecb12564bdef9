/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.delta.WriteOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one session: initial values from the connection properties, changed by SET and
 * RESET. Values are stored normalized; typed accessors interpret them.
 */
public final class SessionSettings {
  private final Map<SessionSetting, String> initial;
  private final Map<SessionSetting, String> current;

  public SessionSettings(Map<SessionSetting, String> initial) {
    this.initial = new EnumMap<>(SessionSetting.class);
    for (SessionSetting setting : SessionSetting.values()) {
      String value = initial.get(setting);
      this.initial.put(setting, value == null ? setting.defaultValue() : setting.normalize(value));
    }
    this.current = new EnumMap<>(this.initial);
  }

  public synchronized void set(SessionSetting setting, String value) {
    current.put(setting, setting.normalize(value));
  }

  /** Back to the value the connection started with. */
  public synchronized void reset(SessionSetting setting) {
    current.put(setting, initial.get(setting));
  }

  public synchronized void resetAll() {
    current.putAll(initial);
  }

  public synchronized String get(SessionSetting setting) {
    return current.get(setting);
  }

  /** Every setting with its value, in declaration order. */
  public synchronized List<Map.Entry<String, String>> all() {
    List<Map.Entry<String, String>> result = new ArrayList<>();
    for (SessionSetting setting : SessionSetting.values()) {
      result.add(Map.entry(setting.settingName(), current.get(setting)));
    }
    return result;
  }

  public boolean flag(SessionSetting setting) {
    return Boolean.parseBoolean(get(setting));
  }

  public Duration metadataCacheTtl() {
    return DurationText.parse(SessionSetting.METADATA_CACHE_TTL.settingName(),
        get(SessionSetting.METADATA_CACHE_TTL));
  }

  public WriteOptions writeOptions() {
    long targetFileSize = ByteSize.parse(SessionSetting.TARGET_FILE_SIZE.settingName(),
        get(SessionSetting.TARGET_FILE_SIZE));
    int batchRows = Integer.parseInt(get(SessionSetting.WRITE_BATCH_SIZE));
    return new WriteOptions(get(SessionSetting.PARQUET_COMPRESSION), targetFileSize, batchRows);
  }

}
