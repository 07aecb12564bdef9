/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's type factory with UTF-8 as the character set of strings: Delta strings are UTF-8, and
 * Calcite's default (ISO-8859-1 unless a JVM-wide property says otherwise, read once when Calcite loads)
 * would reject most of the world's text in literals.
 */
public final class OneLakeTypeFactory extends JavaTypeFactoryImpl {
  public OneLakeTypeFactory() {
    super(OneLakeTypeSystem.INSTANCE);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_8;
  }
}
