/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** Path conventions between Delta Kernel and this storage layer. */
public final class KernelPaths {
  private KernelPaths() {}

  /**
   * The directory to pass to {@code ParquetHandler.writeParquetFiles} for {@code
   * DataWriteContext.getTargetDirectory()}.
   *
   * <p>Kernel 4.4 returns that directory URI-encoded ({@code Path.toUri().toString()}), while every
   * other path it hands to a FileIO, and every path a FileIO returns, is in decoded form. Taken
   * literally, a root with a space ({@code Sales Data.Lakehouse}) would get its data files in a
   * sibling directory named {@code Sales%20Data.Lakehouse}, and partition directories would be
   * escaped twice ({@code city=a%20b%252F}). Decoding once yields the table's own directory and the
   * partition layout Spark writes ({@code city=a b%2F}); Kernel then records a relative, correctly
   * encoded {@code add.path} and reads the files back.
   */
  public static String decodeTargetDirectory(String targetDirectory) {
    requireNonNull(targetDirectory, "targetDirectory is null");
    URI uri;
    try {
      uri = new URI(targetDirectory);
    } catch (java.net.URISyntaxException e) {
      // Not a valid encoded URI, so it cannot have been encoded: use it as it is.
      return targetDirectory;
    }
    if (uri.getScheme() == null || uri.getRawPath() == null) {
      return targetDirectory;
    }
    String authority = uri.getRawAuthority() == null ? "" : "//" + uri.getRawAuthority();
    return uri.getScheme() + ":" + authority + uri.getPath();
  }
}
