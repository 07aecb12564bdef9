/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

/** A {@code skipif <backend>} or {@code onlyif <backend>} line in front of a record. */
public record BackendCondition(Kind kind, String backend) {
  /** Which of the two directives it was. */
  public enum Kind {
    SKIP_IF,
    ONLY_IF
  }

  public BackendCondition {
    requireNonNull(kind, "kind");
    requireNonNull(backend, "backend");
  }

  /** Whether a record carrying this condition runs on the named backend. Names match exactly. */
  public boolean allows(String backendName) {
    requireNonNull(backendName, "backendName");
    boolean same = backend.equals(backendName);
    return kind == Kind.ONLY_IF ? same : !same;
  }
}
