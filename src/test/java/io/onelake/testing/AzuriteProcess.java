/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.testing;

import static java.util.Objects.requireNonNull;

import io.onelake.auth.StorageCredential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An Azurite blob service in a child {@code node} process, on a port the OS picks.
 *
 * <p>The node process runs behind a stdin watchdog: it exits as soon as the JVM's end of the pipe
 * closes, so it cannot outlive the test JVM even if that is killed with SIGKILL.
 */
public final class AzuriteProcess implements AutoCloseable {
  public static final String ACCOUNT_NAME = "devstoreaccount1";
  /** The well-known key of Azurite's default account (public, documented by Microsoft). */
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final String WATCHDOG =
      "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',()=>process.exit(0));"
          + "process.stdin.resume();require(process.argv[1])";
  private static final Pattern LISTENING = Pattern.compile("successfully listens on (https?)://127\\.0\\.0\\.1:(\\d+)");
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final int KEPT_OUTPUT_LINES = 200;

  /** Password of the generated test certificate store (a throwaway self-signed key). */
  private static final String CERT_PASSWORD = "changeit";

  private final Process process;
  private final Path workDir;
  private final String scheme;
  private final int port;
  private final SSLContext sslContext;
  private final AtomicLong containerCounter = new AtomicLong();

  private AzuriteProcess(Process process, Path workDir, String scheme, int port, SSLContext sslContext) {
    this.process = process;
    this.workDir = workDir;
    this.scheme = scheme;
    this.port = port;
    this.sslContext = sslContext;
  }

  /** Where Azurite is installed: system property {@code azurite.home}, env {@code AZURITE_HOME}, or {@code test-tools/azurite}. */
  public static Path defaultHome() {
    String home = System.getProperty("azurite.home");
    if (home == null || home.isBlank()) {
      home = System.getenv("AZURITE_HOME");
    }
    if (home == null || home.isBlank()) {
      home = "test-tools/azurite";
    }
    return Paths.get(home).toAbsolutePath().normalize();
  }

  /** Starts Azurite from {@link #defaultHome()}. */
  public static AzuriteProcess start(String... extraArgs) {
    return start(defaultHome(), List.of(extraArgs));
  }

  /** Starts Azurite installed under {@code home}, with extra command-line flags. */
  public static AzuriteProcess start(Path home, List<String> extraArgs) {
    return start(home, extraArgs, false);
  }

  /**
   * Starts Azurite on HTTPS with {@code --oauth basic}, so that it accepts bearer tokens (which the
   * SDK sends over HTTPS only). The certificate is generated for this run with the JDK's keytool;
   * {@link #sslContext()} trusts it, so clients need no JVM-wide trust store.
   */
  public static AzuriteProcess startHttpsWithOAuth() {
    return start(defaultHome(), List.of(), true);
  }

  private static AzuriteProcess start(Path home, List<String> extraArgs, boolean httpsWithOAuth) {
    requireNonNull(home, "home is null");
    requireNonNull(extraArgs, "extraArgs is null");
    Path main = home.resolve("node_modules/azurite/dist/src/blob/main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          "Azurite not installed at " + home + " (run: npm ci --prefix test-tools/azurite)");
    }
    String node = System.getenv().getOrDefault("AZURITE_NODE", "node");
    List<String> command = new ArrayList<>(List.of(
        node, "-e", WATCHDOG, main.toString(),
        "--blobHost", "127.0.0.1", "--blobPort", "0",
        "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry",
        "--extentMemoryLimit", "512"));
    command.addAll(extraArgs);

    Path workDir;
    Process process;
    SSLContext sslContext = null;
    try {
      workDir = Files.createTempDirectory("azurite-");
      if (httpsWithOAuth) {
        Path pfx = generateCertificate(workDir);
        command.addAll(List.of("--oauth", "basic", "--cert", pfx.toString(), "--pwd", CERT_PASSWORD));
        sslContext = trusting(pfx);
      }
      process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Azurite with " + node, e);
    }

    CompletableFuture<Matcher> listening = new CompletableFuture<>();
    Deque<String> output = new ArrayDeque<>();
    Thread drain = new Thread(() -> drain(process, listening, output), "azurite-output");
    drain.setDaemon(true);
    drain.start();
    try {
      Matcher m = listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new AzuriteProcess(process, workDir, m.group(1), Integer.parseInt(m.group(2)), sslContext);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      stop(process);
      deleteTree(workDir);
      String lines;
      synchronized (output) {
        lines = String.join("\n", output);
      }
      throw new IllegalStateException(
          "Azurite did not start within " + START_TIMEOUT_SECONDS + " s: " + e + "\n--- output ---\n" + lines, e);
    }
  }

  /** A self-signed key pair for 127.0.0.1 in a PKCS#12 file: Azurite's server certificate. */
  private static Path generateCertificate(Path dir) throws IOException {
    Path pfx = dir.resolve("azurite.pfx");
    Process keytool = new ProcessBuilder(
        Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "azurite", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", pfx.toString(), "-storetype", "PKCS12", "-storepass", CERT_PASSWORD, "-keypass", CERT_PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating the test certificate", e);
    }
    return pfx;
  }

  /** Trusts the certificate of the key pair in {@code pfx} (the JDK trusts a PrivateKeyEntry's certificate). */
  private static SSLContext trusting(Path pfx) throws IOException {
    try (InputStream in = Files.newInputStream(pfx)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(in, CERT_PASSWORD.toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the test certificate", e);
    }
  }

  private static void drain(Process process, CompletableFuture<Matcher> listening, Deque<String> output) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > KEPT_OUTPUT_LINES) {
            output.removeFirst();
          }
        }
        Matcher m = LISTENING.matcher(line);
        if (!listening.isDone() && m.find()) {
          listening.complete(m);
        }
      }
      listening.completeExceptionally(new IOException("Azurite exited with code " + waitFor(process)));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Trusts this instance's certificate; only for {@link #startHttpsWithOAuth()}. */
  public SSLContext sslContext() {
    if (sslContext == null) {
      throw new IllegalStateException("this Azurite serves plain HTTP; use startHttpsWithOAuth()");
    }
    return sslContext;
  }

  public int port() {
    return port;
  }

  /** {@code http(s)://127.0.0.1:PORT/devstoreaccount1}. */
  public String blobEndpoint() {
    return scheme + "://127.0.0.1:" + port + "/" + ACCOUNT_NAME;
  }

  public String accountName() {
    return ACCOUNT_NAME;
  }

  public String accountKey() {
    return ACCOUNT_KEY;
  }

  public StorageCredential credential() {
    return StorageCredential.sharedKey(ACCOUNT_NAME, ACCOUNT_KEY);
  }

  public String connectionString() {
    return "DefaultEndpointsProtocol=" + scheme + ";AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
        + ";BlobEndpoint=" + blobEndpoint() + ";";
  }

  /** The URL of a fresh, not yet created container: {@code <blobEndpoint>/<prefix><n><nanos>}, lower case. */
  public String newContainerUrl(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (clean.isEmpty()) {
      clean = "c";
    }
    String suffix = containerCounter.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
    String name = clean.substring(0, Math.min(clean.length(), 63 - suffix.length())) + suffix;
    if (name.length() < 3) {
      name = name + "abc".substring(0, 3 - name.length());
    }
    return blobEndpoint() + "/" + name;
  }

  @Override
  public void close() {
    stop(process);
    deleteTree(workDir);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover empty temp directory is harmless.
    }
  }

  @Override
  public String toString() {
    return "AzuriteProcess[" + blobEndpoint() + "]";
  }
}
