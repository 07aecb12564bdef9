/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SET name = value, RESET name | ALL and SHOW SETTINGS. */
public final class SettingsExecutor {
  private final Session session;

  public SettingsExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public void set(String name, String value) {
    session.settings().set(setting(name), value);
  }

  /** RESET name, or RESET ALL when name is "ALL". */
  public void reset(String name) {
    if (name.equalsIgnoreCase("ALL")) {
      session.settings().resetAll();
    } else {
      session.settings().reset(setting(name));
    }
  }

  /** Rows of SHOW SETTINGS: name, value. */
  public List<Object[]> show() {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, String> entry : session.settings().all()) {
      rows.add(new Object[] {entry.getKey(), entry.getValue()});
    }
    return rows;
  }

  private static SessionSetting setting(String name) {
    return SessionSetting.byName(name).orElseThrow(() -> new OneLakeException(
        OneLakeException.INVALID_PARAMETER_VALUE, "Unknown setting " + name + "; known settings: "
        + String.join(", ", java.util.Arrays.stream(SessionSetting.values())
            .map(SessionSetting::settingName).toList())));
  }
}
