/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.util.Objects.requireNonNull;

import com.azure.identity.DeviceCodeInfo;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the device-code sign-in instruction ("open https://microsoft.com/devicelogin and enter the
 * code …"). A JDBC driver has no window of its own: applications see the instruction in their log
 * (the driver's SLF4J logger, WARN so that default configurations show it), and users of a shell in
 * the terminal (standard error, which the SQL shell does not capture). The code is single-use and
 * meant to be shown; it is not a secret.
 */
public final class DeviceCodePrompt implements Consumer<DeviceCodeInfo> {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceCodePrompt.class);

  private final PrintStream terminal;

  public DeviceCodePrompt(PrintStream terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  /** Prints to {@link System#err}. */
  public static DeviceCodePrompt toStandardError() {
    return new DeviceCodePrompt(System.err);
  }

  @Override
  public void accept(DeviceCodeInfo info) {
    String message = info.getMessage() != null
        ? info.getMessage()
        : "To sign in, open " + info.getVerificationUrl() + " and enter the code " + info.getUserCode();
    LOG.warn("onelake-jdbc sign-in: {}", message);
    terminal.println("onelake-jdbc sign-in: " + message);
    terminal.flush();
  }
}
