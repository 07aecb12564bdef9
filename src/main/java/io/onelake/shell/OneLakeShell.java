/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * The interactive SQL shell of the self-contained jar ({@code java -jar onelake-jdbc-*-all.jar [url]}):
 * sqlline connected to a lakehouse, {@code jdbc:onelake:file:./lakehouse} by default. With
 * {@code --demo} it runs the bundled demo script instead and exits.
 */
public final class OneLakeShell {
  static final String DEFAULT_URL = "jdbc:onelake:file:./lakehouse";
  private static final String DEMO_URL = "jdbc:onelake:file:./lakehouse-demo";

  private OneLakeShell() {}

  public static void main(String[] args) throws IOException {
    List<String> arguments = new ArrayList<>(List.of(args));
    boolean demo = arguments.remove("--demo");
    String url = arguments.isEmpty() || arguments.get(0).startsWith("-")
        ? (demo ? DEMO_URL : DEFAULT_URL)
        : arguments.remove(0);
    List<String> sqlline = sqllineArguments(url);
    if (demo) {
      sqlline.add("--run=" + demoScript());
    }
    sqlline.addAll(arguments);
    SqlLine.Status status = SqlLine.start(sqlline.toArray(new String[0]), null, true);
    if (demo && status != SqlLine.Status.OK) {
      System.exit(1);
    }
  }

  /**
   * sqlline's options for a connection to {@code url}. The isolation level is the driver's one (sqlline
   * sets it on connect and complains about any other).
   */
  static List<String> sqllineArguments(String url) {
    return new ArrayList<>(List.of("-u", url, "-n", "", "-p", "",
        "-d", "io.onelake.jdbc.OneLakeDriver", "--isolation=TRANSACTION_READ_COMMITTED",
        "--showWarnings=false", "--maxWidth=160"));
  }

  private static String demoScript() throws IOException {
    Path script = Files.createTempFile("onelake-demo", ".sql");
    script.toFile().deleteOnExit();
    try (InputStream in = OneLakeShell.class.getResourceAsStream("demo.sql")) {
      if (in == null) {
        throw new IOException("demo.sql is missing from the jar");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script.toString();
  }
}
