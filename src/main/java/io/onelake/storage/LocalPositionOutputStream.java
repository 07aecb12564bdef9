/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams into a hidden temporary file and publishes it under the target name on {@link #close()}:
 * put-if-absent when {@code atomicWrite} (checkpoints must not replace an existing one), a replacing
 * rename otherwise.
 */
final class LocalPositionOutputStream extends PositionOutputStream {
  private final Path target;
  private final boolean atomicWrite;
  private final Path temp;
  private final OutputStream out;
  private long pos;
  private boolean closed;

  LocalPositionOutputStream(Path target, boolean atomicWrite) throws IOException {
    this.target = target;
    this.atomicWrite = atomicWrite;
    this.temp = LocalAtomicFiles.newTempFile(target);
    this.out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024);
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    out.write(b);
    pos++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    out.write(b, off, len);
    pos += len;
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
      LocalAtomicFiles.publish(temp, target, !atomicWrite);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream is closed");
    }
  }
}
