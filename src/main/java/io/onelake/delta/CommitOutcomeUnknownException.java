/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

/**
 * Storage failed while a commit was written and a retry found the version taken: the statement may
 * or may not have been committed (SQLState 40003). Its files are kept, since a commit may reference
 * them; the table's history tells what happened.
 */
public final class CommitOutcomeUnknownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommitOutcomeUnknownException(String tablePath, Throwable cause) {
    super("The commit to " + tablePath + " may or may not have succeeded (a storage error interrupted "
        + "it); check the table's latest version before running the statement again", cause);
  }
}
