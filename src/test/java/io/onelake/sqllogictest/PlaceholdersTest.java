/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  private final Placeholders placeholders = new Placeholders(Map.of("LAKEHOUSE", "lh1", "DOLLAR", "$1\\x"));

  @Test
  void replacesEveryOccurrence() {
    assertEquals("SELECT * FROM lh1.dbo.t JOIN lh1.dbo.u", placeholders.substitute("SELECT * FROM ${LAKEHOUSE}.dbo.t JOIN ${LAKEHOUSE}.dbo.u"));
  }

  @Test
  void valuesAreInsertedLiterally() {
    assertEquals("v=$1\\x", placeholders.substitute("v=${DOLLAR}"));
  }

  @Test
  void textWithoutPlaceholdersIsUnchanged() {
    assertEquals("SELECT '$' || '{' FROM t", placeholders.substitute("SELECT '$' || '{' FROM t"));
  }

  @Test
  void unknownPlaceholderIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> placeholders.substitute("SELECT ${LAKEHOSUE}"));
    assertTrue(e.getMessage().contains("${LAKEHOSUE}"), e.getMessage());
    assertTrue(e.getMessage().contains("LAKEHOUSE"), e.getMessage());
  }
}
