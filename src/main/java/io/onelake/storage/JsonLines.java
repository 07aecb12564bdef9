/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.delta.kernel.utils.CloseableIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The bytes of a file Kernel writes as lines (commits, CRC files, {@code _last_checkpoint}). */
final class JsonLines {
  private JsonLines() {}

  /**
   * One action per line, newline-terminated, as Delta's log stores write them. The whole file is
   * built before anything is sent, so that a failing iterator can never leave a partial commit.
   */
  static byte[] encode(CloseableIterator<String> data) throws IOException {
    requireNonNull(data, "data is null");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CloseableIterator<String> lines = data) {
      while (lines.hasNext()) {
        bytes.write(lines.next().getBytes(UTF_8));
        bytes.write('\n');
      }
    }
    return bytes.toByteArray();
  }
}
