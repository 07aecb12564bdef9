/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script behind the README's first command ({@code --demo}) runs without an error, twice on the
 * same lakehouse (users run the demo again), and leaves the rows it shows.
 */
class DemoScriptTest {
  @TempDir
  Path lakehouse;

  @Test
  void demoRunsTwiceWithoutErrors() throws Exception {
    List<String> statements = statements();
    assertTrue(statements.size() > 10, statements.toString());
    for (int run = 0; run < 2; run++) {
      try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
          Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT order_id), MAX(order_id) FROM demo_orders")) {
          assertTrue(rs.next());
          assertEquals(4, rs.getLong(1));
          assertEquals(4, rs.getLong(2));
        }
      }
    }
  }

  private static List<String> statements() throws Exception {
    String script;
    try (InputStream in = OneLakeShell.class.getResourceAsStream("demo.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = new ArrayList<>();
    for (String line : script.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
        statements.add(trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
      }
    }
    return statements;
  }
}
