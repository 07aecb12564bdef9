/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

/**
 * The table a statement writes to was dropped (or its log replaced) after the statement read it:
 * nothing was committed, and the statement's files are deleted (SQLState 42S02).
 */
public final class TableDroppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TableDroppedException(String tablePath, long readVersion) {
    super("The table at " + tablePath + " was dropped while the statement ran (its version "
        + readVersion + " is gone); nothing was written");
  }
}
