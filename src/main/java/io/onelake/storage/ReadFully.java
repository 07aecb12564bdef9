/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.storage;

import static java.util.Objects.checkFromIndexSize;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** {@code readFully} for Kernel's seekable streams, which must fill the range or fail. */
final class ReadFully {
  private ReadFully() {}

  static void readFully(InputStream in, byte[] b, int off, int len, String what) throws IOException {
    checkFromIndexSize(off, len, b.length);
    int done = 0;
    while (done < len) {
      int n = in.read(b, off + done, len - done);
      if (n < 0) {
        throw new EOFException("reached end of " + what + " after " + done + " of " + len + " bytes");
      }
      done += n;
    }
  }
}
