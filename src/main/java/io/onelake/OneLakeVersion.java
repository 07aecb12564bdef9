/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake;

/** The driver's version, as recorded in Delta commits and reported through JDBC. */
public final class OneLakeVersion {
  public static final String VERSION = "0.1.0";
  public static final int MAJOR = 0;
  public static final int MINOR = 1;
  public static final String NAME = "onelake-jdbc";

  private OneLakeVersion() {}
}
