/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.OneLakeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 134217728}, {@code 128MB}, {@code 128 MiB} or {@code 1g}. */
final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");

  private ByteSize() {}

  static long parse(String setting, String text) {
    Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new OneLakeException(OneLakeException.INVALID_PARAMETER_VALUE, "Invalid value '" + text
          + "' for setting " + setting + ": expected a size such as 134217728, 128MB or 1GB");
    }
    long value = Long.parseLong(matcher.group(1));
    int shift;
    switch (matcher.group(2)) {
      case "k":
        shift = 10;
        break;
      case "m":
        shift = 20;
        break;
      case "g":
        shift = 30;
        break;
      case "t":
        shift = 40;
        break;
      default:
        shift = 0;
    }
    long bytes = value << shift;
    if (bytes <= 0 || (bytes >> shift) != value) {
      throw new OneLakeException(OneLakeException.INVALID_PARAMETER_VALUE,
          "Invalid value '" + text + "' for setting " + setting + ": must be positive and below 8 EiB");
    }
    return bytes;
  }
}
