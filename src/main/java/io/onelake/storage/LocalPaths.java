/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Converts between Kernel's path strings and local {@link Path}s.
 *
 * <p>Kernel compares the strings it gets back from {@code listFrom} with those it built from {@code
 * resolvePath}, so there must be exactly one spelling: {@code file:} followed by the absolute path
 * with {@code /} separators ({@code file:/tmp/x}, never {@code file:///tmp/x}). The rest of the
 * string is taken literally and never %-decoded, because Kernel writes partition directories whose
 * names contain {@code %20} or {@code %25} as real characters.
 */
final class LocalPaths {
  private LocalPaths() {}

  /** The canonical {@code file:/abs/path} form of an absolute path. */
  static String toUri(Path path) {
    String p = path.toAbsolutePath().normalize().toString();
    if (File.separatorChar != '/') {
      p = p.replace(File.separatorChar, '/');
    }
    return p.startsWith("/") ? "file:" + p : "file:/" + p;
  }

  /**
   * Maps {@code file:/a}, {@code file:///a}, {@code file://localhost/a} or a plain absolute path to
   * a normalized absolute {@link Path}.
   */
  static Path toPath(String uri) {
    requireNonNull(uri, "path is null");
    String p = uri;
    if (p.regionMatches(true, 0, "file:", 0, 5)) {
      p = p.substring(5);
      if (p.startsWith("//")) {
        int slash = p.indexOf('/', 2);
        String authority = slash < 0 ? p.substring(2) : p.substring(2, slash);
        if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
          throw new IllegalArgumentException("not a local path (has a host): " + uri);
        }
        p = slash < 0 ? "/" : p.substring(slash);
      }
    }
    // Windows: "/C:/x" is the URI spelling of "C:/x".
    if (File.separatorChar == '\\' && p.length() > 2 && p.charAt(0) == '/' && p.charAt(2) == ':') {
      p = p.substring(1);
    }
    Path path;
    try {
      path = Paths.get(p);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid local path: " + uri, e);
    }
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("not an absolute local path: " + uri);
    }
    return path.normalize();
  }
}
