/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parsed root of one lakehouse: a local folder or a prefix inside an Azure Blob container.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>{@code file:/abs/path}, {@code file:///abs/path}, {@code file://localhost/abs/path}, a plain
 *       absolute path, and {@code file:relative} / {@code file:./relative} (resolved against the
 *       JVM's working directory). Local paths are taken literally: Kernel writes directory names
 *       such as {@code city=a%20b}, so {@code %} is never decoded here.
 *   <li>{@code https://<account>.blob.core.windows.net/<container>/<path>} (virtual-host style; also
 *       any other host such as {@code onelake.blob.fabric.microsoft.com}, the account being the
 *       first DNS label; {@code .dfs.} hosts are mapped to their {@code .blob.} twin).
 *   <li>{@code http(s)://<ip-or-localhost>:<port>/<account>/<container>/<path>} (path style, used by
 *       Azurite).
 *   <li>{@code //<workspace>/<item>}: a Microsoft Fabric OneLake item by names or by GUIDs (OneLake
 *       takes either two names or two GUIDs). An item name without a type gets {@code .Lakehouse}.
 *   <li>{@code abfss://<container>@<account>.dfs.core.windows.net/<path>}: the Hadoop ABFS form for
 *       any ADLS Gen2 account, and for OneLake ({@code abfss://<workspace>@onelake.dfs.fabric.microsoft.com/<item>.Lakehouse}).
 * </ul>
 *
 * HTTP(S) paths are URLs, so {@code %XX} escapes are decoded (UTF-8); raw spaces are tolerated. A
 * query string (typically a pasted SAS token) and a fragment are dropped and never shown.
 */
public final class StorageLocation {
  /** Where the lakehouse lives. */
  public enum Kind {
    LOCAL,
    BLOB
  }

  private static final String LAKEHOUSE_SUFFIX = ".Lakehouse";
  /** OneLake is one storage "account" for the whole Fabric tenant; its containers are workspaces. */
  public static final String ONELAKE_ACCOUNT = "onelake";
  public static final String ONELAKE_BLOB_ENDPOINT = "https://onelake.blob.fabric.microsoft.com";
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern WINDOWS_DRIVE = Pattern.compile("/?[A-Za-z]:[/\\\\].*");

  private final Kind kind;
  private final Path root;
  private final String serviceEndpoint;
  private final String accountName;
  private final String containerName;
  private final String rootPath;

  private StorageLocation(
      Kind kind,
      Path root,
      String serviceEndpoint,
      String accountName,
      String containerName,
      String rootPath) {
    this.kind = kind;
    this.root = root;
    this.serviceEndpoint = serviceEndpoint;
    this.accountName = accountName;
    this.containerName = containerName;
    this.rootPath = rootPath;
  }

  /** A local folder; {@code root} is made absolute and normalized. */
  public static StorageLocation local(Path root) {
    requireNonNull(root, "root is null");
    return new StorageLocation(
        Kind.LOCAL, root.toAbsolutePath().normalize(), null, null, null, null);
  }

  /**
   * A blob location from its parts; {@code serviceEndpoint} is the URL the SDK is built with (it
   * includes the account segment for path-style endpoints), without a trailing slash.
   */
  public static StorageLocation blob(
      String serviceEndpoint, String accountName, String containerName, String rootPath) {
    requireNonNull(serviceEndpoint, "serviceEndpoint is null");
    requireNonNull(accountName, "accountName is null");
    requireNonNull(containerName, "containerName is null");
    requireNonNull(rootPath, "rootPath is null");
    String endpoint = trimTrailingSlashes(serviceEndpoint);
    if (endpoint.isEmpty() || accountName.isEmpty() || containerName.isEmpty()) {
      throw new IllegalArgumentException(
          "blob location needs a service endpoint, an account and a container");
    }
    if (containerName.contains("/")) {
      throw new IllegalArgumentException("container name must not contain '/': " + containerName);
    }
    return new StorageLocation(
        Kind.BLOB, null, endpoint, accountName, containerName, normalizeBlobPath(rootPath));
  }

  /**
   * Parses a lakehouse location.
   *
   * @throws IllegalArgumentException if the location is empty, uses an unsupported scheme, or lacks
   *     an account or container
   */
  public static StorageLocation parse(String location) {
    requireNonNull(location, "location is null");
    String s = location.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("storage location is empty");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      return parseFile(s.substring("file:".length()));
    }
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return parseHttp(s);
    }
    if (s.startsWith("//")) {
      return parseOneLake(s);
    }
    if (lower.startsWith("abfss://")) {
      return parseAbfss(s);
    }
    if (lower.startsWith("abfs://")) {
      throw new IllegalArgumentException("abfs:// (unencrypted) is not supported: use abfss://"
          + redact(s.substring("abfs://".length())));
    }
    if (s.startsWith("/") || WINDOWS_DRIVE.matcher(s).matches()) {
      return local(toLocalPath(s, s));
    }
    throw new IllegalArgumentException(
        "unsupported storage location '"
            + redact(s)
            + "': expected file:/path, an absolute path, an http(s) Blob URL, //<workspace>/<item> "
            + "or abfss://<container>@<account>.dfs.core.windows.net/<path>");
  }

  /** {@code //<workspace>/<item>}: names (item type optional) or GUIDs, never mixed. */
  private static StorageLocation parseOneLake(String location) {
    String[] segments = splitPath(decodePath(redact(location.substring(2)), location));
    if (segments.length < 2) {
      throw new IllegalArgumentException("a OneLake location needs a workspace and an item: "
          + "//<workspace>/<item>, e.g. //Sales/Main.Lakehouse, got '" + redact(location) + "'");
    }
    if (segments.length > 2) {
      throw new IllegalArgumentException("a OneLake location names a lakehouse, not a folder in it: "
          + "expected //<workspace>/<item>, got '" + redact(location) + "'");
    }
    String workspace = segments[0];
    String item = segments[1];
    boolean workspaceGuid = GUID.matcher(workspace).matches();
    boolean itemGuid = GUID.matcher(item).matches();
    if (workspaceGuid != itemGuid) {
      throw new IllegalArgumentException("OneLake takes either names or GUIDs for both the workspace "
          + "and the item, not one of each: '" + redact(location) + "'");
    }
    // An item name needs its type (items of different types may share a name); a GUID needs none.
    if (!itemGuid && item.indexOf('.') < 0) {
      item = item + LAKEHOUSE_SUFFIX;
    }
    return blob(ONELAKE_BLOB_ENDPOINT, ONELAKE_ACCOUNT, workspace, item);
  }

  /** {@code abfss://<container>@<host>/<path>}, the Hadoop ABFS form. */
  private static StorageLocation parseAbfss(String url) {
    AuthorityAndPath parts = AuthorityAndPath.of(url.substring("abfss://".length()));
    String authority = parts.authority();
    int at = authority.indexOf('@');
    String host = at < 0 ? "" : hostOf(authority.substring(at + 1)).toLowerCase(Locale.ROOT);
    if (at <= 0 || host.indexOf('.') <= 0) {
      throw new IllegalArgumentException("an abfss URL needs a container and an account host: "
          + "abfss://<container>@<account>.dfs.core.windows.net/<path>, got '" + redact(url) + "'");
    }
    String container = authority.substring(0, at);
    String account = host.substring(0, host.indexOf('.'));
    String endpoint = "https://" + swapServiceLabel(authority.substring(at + 1).toLowerCase(Locale.ROOT), "dfs", "blob");
    return blob(endpoint, account, container, decodePath(parts.path(), url));
  }

  private static StorageLocation parseFile(String rest) {
    String path = rest;
    if (path.startsWith("//")) {
      int slash = path.indexOf('/', 2);
      String authority = slash < 0 ? path.substring(2) : path.substring(2, slash);
      if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
        throw new IllegalArgumentException(
            "file: locations with a host are not supported: file:" + rest);
      }
      path = slash < 0 ? "/" : path.substring(slash);
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("file: location has no path");
    }
    // file:relative and file:./relative become absolute against the JVM's working directory.
    return local(toLocalPath(path, "file:" + rest));
  }

  private static Path toLocalPath(String path, String original) {
    String p = path;
    // "/C:/x" is how file: URIs spell Windows drive paths.
    if (File.separatorChar == '\\' && p.length() > 2 && p.charAt(0) == '/' && p.charAt(2) == ':') {
      p = p.substring(1);
    }
    try {
      return Paths.get(p);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid local path in location '" + original + "'", e);
    }
  }

  private static StorageLocation parseHttp(String url) {
    int schemeEnd = url.indexOf("://");
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    AuthorityAndPath parts = AuthorityAndPath.of(url.substring(schemeEnd + 3));
    String authority = parts.authority();
    String path = parts.path();
    if (authority.contains("@")) {
      throw new IllegalArgumentException("user information is not allowed in a Blob URL");
    }
    String host = hostOf(authority).toLowerCase(Locale.ROOT);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("Blob URL has no host: " + redact(url));
    }
    String[] segments = splitPath(decodePath(path, url));
    boolean pathStyle = host.equals("localhost") || IPV4.matcher(host).matches() || host.startsWith("[");
    if (pathStyle) {
      if (segments.length < 2) {
        throw new IllegalArgumentException(
            "path-style Blob URL needs /<account>/<container>[/path]: " + redact(url));
      }
      String account = segments[0];
      String endpoint = scheme + "://" + authority.toLowerCase(Locale.ROOT) + "/" + account;
      return blob(endpoint, account, segments[1], join(segments, 2));
    }
    String normalizedAuthority = toBlobHost(authority.toLowerCase(Locale.ROOT));
    String account = host.substring(0, host.indexOf('.') < 0 ? host.length() : host.indexOf('.'));
    if (segments.length < 1) {
      throw new IllegalArgumentException(
          "Blob URL needs a container: " + scheme + "://" + authority + "/<container>[/path]");
    }
    return blob(scheme + "://" + normalizedAuthority, account, segments[0], join(segments, 1));
  }

  /** What follows {@code scheme://}, without query and fragment, split at its first slash. */
  private record AuthorityAndPath(String authority, String path) {
    static AuthorityAndPath of(String afterScheme) {
      String rest = redact(afterScheme);
      int slash = rest.indexOf('/');
      return slash < 0 ? new AuthorityAndPath(rest, "") : new AuthorityAndPath(rest.substring(0, slash), rest.substring(slash + 1));
    }
  }

  private static String toBlobHost(String authority) {
    // ADLS Gen2 and OneLake users often paste the DFS endpoint; the Blob endpoint serves the same data.
    return swapServiceLabel(authority, "dfs", "blob");
  }

  /**
   * Replaces the service label of an Azure storage host, the second DNS label ({@code
   * acct.dfs.core.windows.net}, {@code onelake.dfs.fabric.microsoft.com}, also sovereign clouds);
   * other hosts are returned unchanged.
   */
  private static String swapServiceLabel(String authority, String from, String to) {
    int first = authority.indexOf('.');
    if (first < 0 || !authority.startsWith(from + ".", first + 1)) {
      return authority;
    }
    return authority.substring(0, first + 1) + to + authority.substring(first + 1 + from.length());
  }

  private static String hostOf(String authority) {
    if (authority.startsWith("[")) {
      int end = authority.indexOf(']');
      return end < 0 ? authority : authority.substring(0, end + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  private static String decodePath(String path, String url) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); ) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length()
            || Character.digit(path.charAt(i + 1), 16) < 0
            || Character.digit(path.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException(
              "invalid %-escape in Blob URL (write a literal % as %25): " + redact(url));
        }
        out.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
        i += 3;
      } else {
        int cp = path.codePointAt(i);
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(cp);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String[] splitPath(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  private static String join(String[] segments, int from) {
    return from >= segments.length ? "" : String.join("/", Arrays.copyOfRange(segments, from, segments.length));
  }

  private static String normalizeBlobPath(String path) {
    return join(splitPath(path), 0);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String trimTrailingSlashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }

  /** Drops a query string (SAS) and fragment from a location before it is shown anywhere. */
  private static String redact(String location) {
    int cut = indexOfAny(location, "?#");
    return cut < 0 ? location : location.substring(0, cut);
  }

  public Kind kind() {
    return kind;
  }

  /** The absolute, normalized folder of a LOCAL location. */
  public Path root() {
    requireKind(Kind.LOCAL, "root");
    return root;
  }

  /**
   * The Blob service URL, e.g. {@code https://acct.blob.core.windows.net} or, path style, {@code
   * http://127.0.0.1:10000/devstoreaccount1}; no trailing slash.
   */
  public String serviceEndpoint() {
    requireKind(Kind.BLOB, "serviceEndpoint");
    return serviceEndpoint;
  }

  /**
   * The DFS (ADLS Gen2) service URL of the same account: the {@code .dfs.} twin of a virtual-host
   * endpoint; a path-style endpoint (an emulator) is returned unchanged.
   */
  public String dfsEndpoint() {
    requireKind(Kind.BLOB, "dfsEndpoint");
    int hostStart = serviceEndpoint.indexOf("://") + 3;
    return serviceEndpoint.substring(0, hostStart) + swapServiceLabel(serviceEndpoint.substring(hostStart), "blob", "dfs");
  }

  /**
   * This location on another service endpoint, e.g. a regional OneLake host or an emulator: same
   * container and path, the endpoint (and its account) from {@code endpoint}, an http(s) service URL
   * without container (path style: {@code http://127.0.0.1:10000/devstoreaccount1}).
   */
  public StorageLocation withServiceEndpoint(String endpoint) {
    requireKind(Kind.BLOB, "withServiceEndpoint");
    requireNonNull(endpoint, "endpoint is null");
    String trimmed = trimTrailingSlashes(endpoint.strip());
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      throw new IllegalArgumentException("endpoint must be an http(s) service URL such as "
          + "https://onelake.dfs.fabric.microsoft.com, got '" + redact(trimmed) + "'");
    }
    // Parse it as the URL of a probe container: what lands in the container is the endpoint's path.
    String expected = "endpoint must be a service URL without container or path "
        + "(path style: http://127.0.0.1:10000/<account>), got '" + redact(trimmed) + "'";
    StorageLocation probe;
    try {
      probe = parseHttp(trimmed + "/c");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(expected, e);
    }
    if (!probe.containerName.equals("c") || !probe.rootPath.isEmpty() || indexOfAny(trimmed, "?#") >= 0) {
      throw new IllegalArgumentException(expected);
    }
    return blob(probe.serviceEndpoint, probe.accountName, containerName, rootPath);
  }

  public String accountName() {
    requireKind(Kind.BLOB, "accountName");
    return accountName;
  }

  public String containerName() {
    requireKind(Kind.BLOB, "containerName");
    return containerName;
  }

  /** The path of the root inside the container: no leading or trailing slash, possibly empty. */
  public String rootPath() {
    requireKind(Kind.BLOB, "rootPath");
    return rootPath;
  }

  /**
   * The lakehouse name: the last segment of the root (the container if the root is the whole
   * container), without a trailing {@code .Lakehouse} as Fabric names its items.
   */
  public String displayName() {
    String name;
    if (kind == Kind.LOCAL) {
      Path fileName = root.getFileName();
      name = fileName == null ? root.toString() : fileName.toString();
    } else {
      name = rootPath.isEmpty() ? containerName : rootPath.substring(rootPath.lastIndexOf('/') + 1);
    }
    if (name.length() > LAKEHOUSE_SUFFIX.length()
        && name.regionMatches(true, name.length() - LAKEHOUSE_SUFFIX.length(), LAKEHOUSE_SUFFIX, 0, LAKEHOUSE_SUFFIX.length())) {
      name = name.substring(0, name.length() - LAKEHOUSE_SUFFIX.length());
    }
    return name;
  }

  private void requireKind(Kind expected, String accessor) {
    if (kind != expected) {
      throw new IllegalStateException(accessor + "() is only defined for " + expected + " locations");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageLocation other
        && kind == other.kind
        && Objects.equals(root, other.root)
        && Objects.equals(serviceEndpoint, other.serviceEndpoint)
        && Objects.equals(accountName, other.accountName)
        && Objects.equals(containerName, other.containerName)
        && Objects.equals(rootPath, other.rootPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, root, serviceEndpoint, accountName, containerName, rootPath);
  }

  /** A display form without secrets: {@code file:/abs/path} or {@code <endpoint>/<container>/<path>}. */
  @Override
  public String toString() {
    if (kind == Kind.LOCAL) {
      return LocalPaths.toUri(root);
    }
    return serviceEndpoint + "/" + containerName + (rootPath.isEmpty() ? "" : "/" + rootPath);
  }
}
