/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

/**
 * A commit that depends on what its statement read lost the race against a concurrent commit (SQLState
 * 40001). The statement changed nothing; running it again works against the new version.
 */
public final class WriteConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long readVersion;

  WriteConflictException(String tablePath, long readVersion, Throwable cause) {
    super("Write conflict on " + tablePath + ": the statement read version " + readVersion
        + ", and version " + (readVersion + 1) + " was committed concurrently; nothing was "
        + "changed, run the statement again", cause);
    this.readVersion = readVersion;
  }

  WriteConflictException(String tablePath, long readVersion, long conflictVersion, String reason,
      Throwable cause) {
    super("Write conflict on " + tablePath + ": the statement read version " + readVersion
        + ", and version " + conflictVersion + " was committed concurrently (" + reason + "); "
        + "nothing was changed, run the statement again", cause);
    this.readVersion = readVersion;
  }

  public long readVersion() {
    return readVersion;
  }
}
