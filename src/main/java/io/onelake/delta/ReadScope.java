/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.Snapshot;
import java.util.Set;

/**
 * What a row-level statement (DELETE, UPDATE, MERGE) depended on when it read the table, for the
 * WriteSerializable check of its commit against commits that landed after its read version: a
 * concurrent commit conflicts if it removed a file the statement read, or added rows in the
 * statement's scope (unless it was a blind append, which is serialized after the statement).
 */
public interface ReadScope {
  /** The data files (paths as the log names them) whose rows the statement's result depends on. */
  Set<String> readFiles();

  /**
   * Whether any row of {@code addedFiles} (live in {@code latest}) is one the statement would have
   * changed, had it been there when the statement read the table.
   */
  boolean touchesRows(Snapshot latest, Set<String> addedFiles);
}
