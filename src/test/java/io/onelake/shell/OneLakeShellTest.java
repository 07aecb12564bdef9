/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/** The shell's sqlline session: it connects without complaints and runs SQL against the lakehouse. */
class OneLakeShellTest {
  @TempDir
  Path dir;

  @Test
  void shellConnectsQuietlyAndRunsAScript() throws Exception {
    Path script = Files.writeString(dir.resolve("s.sql"),
        "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (41), (42);\nSELECT MAX(id) AS answer FROM t;\n");
    List<String> arguments = OneLakeShell.sqllineArguments("jdbc:onelake:file:" + dir.resolve("lake"));
    arguments.add("--run=" + script);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    SqlLine sqlLine = new SqlLine();
    sqlLine.setOutputStream(new PrintStream(output, true, StandardCharsets.UTF_8));
    sqlLine.setErrorStream(new PrintStream(errors, true, StandardCharsets.UTF_8));
    SqlLine.Status status = sqlLine.begin(arguments.toArray(new String[0]),
        new ByteArrayInputStream(new byte[0]), false);
    String out = output.toString(StandardCharsets.UTF_8) + errors.toString(StandardCharsets.UTF_8);
    assertEquals(SqlLine.Status.OK, status, out);
    assertFalse(out.contains("not supported"), out);
    assertTrue(out.contains("| 42 "), out);
  }
}
