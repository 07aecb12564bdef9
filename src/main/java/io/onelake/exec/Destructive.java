/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.OneLakeException;

/** The guard of statements that delete data for good (SPEC §5 onelake_allow_destructive_operations). */
final class Destructive {
  /** Insufficient privilege: the session did not allow destructive operations. */
  static final String NOT_ALLOWED = "42501";

  private Destructive() {}

  static void check(Session session, String statement) {
    if (!session.settings().flag(SessionSetting.ALLOW_DESTRUCTIVE_OPERATIONS)) {
      throw new OneLakeException(NOT_ALLOWED, statement + " deletes data for good and is refused "
          + "unless onelake_allow_destructive_operations is true (SET "
          + "onelake_allow_destructive_operations = true)");
    }
  }
}
