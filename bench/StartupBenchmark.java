/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Start-up benchmark: how long a fresh JVM takes to its first query result, and what the second
 * distinct query and a repeated query cost. See bench/README.md ("Start-up benchmark").
 *
 * <p>The parent creates a small local table once, then starts {@code runs} fresh JVMs per scenario
 * (same class path, same JVM options plus the scenario's) and reports the median of each phase. A
 * child prints one line of milliseconds: JVM start (RuntimeMXBean start time) to {@code main}, then
 * each phase's own duration.
 */
public final class StartupBenchmark {
  private static final String FIRST = "SELECT id, name, amount FROM t WHERE id < 10 ORDER BY id";
  private static final String SECOND = "SELECT name, COUNT(*), SUM(amount) FROM t GROUP BY name";
  private static final String[] PHASES = {"jvm->main", "connect", "first-query", "second-query",
      "same-sql-again", "same-sql-3rd", "main->first-row", "process-wall"};

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(args[1], Long.parseLong(args[2]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path dir = Files.createTempDirectory("onelake-startup");
    try {
      String url = "jdbc:onelake:file:" + dir.toAbsolutePath();
      setUp(url);
      System.out.printf(Locale.ROOT, "Start-up benchmark: %d fresh JVMs per scenario, median ms; "
          + "load average at start %.2f, %d cores%n", runs, load(),
          Runtime.getRuntime().availableProcessors());
      String scenarios = System.getProperty("bench.scenarios", "default,no-warmup,no-cache,idle-3s,"
          + "idle-3s-no-warmup");
      for (String scenario : scenarios.split(",")) {
        scenario(scenario, url, runs);
      }
      if (!Boolean.getBoolean("bench.noShell")) {
        shell(url, runs);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void setUp(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name STRING, amount DECIMAL(10, 2))");
      StringBuilder values = new StringBuilder("INSERT INTO t VALUES ");
      for (int i = 0; i < 1000; i++) {
        values.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'n").append(i % 7)
            .append("', ").append(i).append(".25)");
      }
      s.execute(values.toString());
    }
  }

  private static void scenario(String scenario, String url, int runs) throws Exception {
    List<String> options = new ArrayList<>();
    long idleMillis = 0;
    switch (scenario) {
      case "default":
        break;
      case "no-warmup":
        options.add("-Donelake.warmup=false");
        break;
      case "no-cache":
        options.add("-Donelake.planCache.size=0");
        break;
      case "idle-3s":
        idleMillis = 3000;
        break;
      case "idle-3s-no-warmup":
        idleMillis = 3000;
        options.add("-Donelake.warmup=false");
        break;
      default:
        throw new IllegalArgumentException("unknown scenario " + scenario);
    }
    double[][] figures = new double[PHASES.length][runs];
    for (int run = 0; run < runs; run++) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx1g");
      command.addAll(options);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(StartupBenchmark.class.getName());
      command.add("child");
      command.add(url);
      command.add(Long.toString(idleMillis));
      long started = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String result = null;
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("RESULT ")) {
            result = line.substring(7);
          } else if (!line.startsWith("SLF4J")) {
            System.out.println("  child: " + line);
          }
        }
      }
      if (process.waitFor() != 0 || result == null) {
        throw new IllegalStateException("child failed in scenario " + scenario);
      }
      double wall = (System.nanoTime() - started) / 1e6;
      String[] parts = result.trim().split(" ");
      for (int p = 0; p < parts.length; p++) {
        figures[p][run] = Double.parseDouble(parts[p]);
      }
      figures[PHASES.length - 1][run] = wall - idleMillis;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", scenario));
    for (int p = 0; p < PHASES.length; p++) {
      line.append(String.format(Locale.ROOT, " %s=%.0f", PHASES[p], median(figures[p])));
    }
    System.out.println(line);
  }

  /** The interactive shell: `java -jar` with one statement, process start to exit. */
  private static void shell(String url, int runs) throws Exception {
    String jar = System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
    if (!jar.endsWith(".jar")) {
      return;
    }
    Path script = Files.createTempFile("startup", ".sql");
    Files.writeString(script, FIRST + ";\n!quit\n");
    double[] walls = new double[runs];
    for (int run = 0; run < runs; run++) {
      long started = System.nanoTime();
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-jar", jar, url, "--run=" + script).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0 || !output.contains("n3")) {
        throw new IllegalStateException("shell failed: " + output);
      }
      walls[run] = (System.nanoTime() - started) / 1e6;
    }
    Files.delete(script);
    System.out.printf(Locale.ROOT, "%-18s process-wall=%.0f (java -jar <all.jar> <url> --run=<one "
        + "SELECT>)%n", "shell", median(walls));
  }

  private static void child(String url, long idleMillis) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long main = System.currentTimeMillis();
    long t0 = System.nanoTime();
    if (idleMillis > 0) {
      // An application that loads the driver, then does other work before its first connection.
      Class.forName("io.onelake.jdbc.OneLakeDriver");
      Thread.sleep(idleMillis);
      t0 = System.nanoTime();
    }
    double[] phases = new double[6];
    phases[0] = main - jvmStart;
    long t = t0;
    try (Connection c = DriverManager.getConnection(url)) {
      phases[1] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      check(c, FIRST, 10);
      phases[2] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      check(c, SECOND, 7);
      phases[3] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      check(c, FIRST, 10);
      phases[4] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      check(c, FIRST, 10);
      phases[5] = (System.nanoTime() - t) / 1e6;
    }
    double toFirstRow = phases[1] + phases[2];
    StringBuilder out = new StringBuilder("RESULT");
    for (double phase : phases) {
      out.append(' ').append(String.format(Locale.ROOT, "%.1f", phase));
    }
    out.append(' ').append(String.format(Locale.ROOT, "%.1f", toFirstRow));
    System.out.println(out);
  }

  private static void check(Connection c, String sql, int expectedRows) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int rows = 0;
      while (rs.next()) {
        rs.getObject(1);
        rows++;
      }
      if (rows != expectedRows) {
        throw new IllegalStateException(sql + ": " + rows + " rows, expected " + expectedRows);
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
