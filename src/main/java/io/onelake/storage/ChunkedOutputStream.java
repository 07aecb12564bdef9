/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Buffers written bytes up to {@code chunkSize}, hands each full buffer to a {@link ChunkSink} as an
 * invisible chunk, and commits the file on {@link #close()}. Readers therefore never see a partial
 * file, on the Blob and on the DFS API alike.
 */
final class ChunkedOutputStream extends PositionOutputStream {
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final ChunkSink sink;
  private final String path;
  private final int chunkSize;

  private byte[] buffer;
  private int count;
  private long pos;
  private boolean staged;
  private boolean closed;

  ChunkedOutputStream(ChunkSink sink, String path, int chunkSize) {
    this.sink = requireNonNull(sink, "sink is null");
    this.path = requireNonNull(path, "path is null");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be positive");
    }
    this.chunkSize = chunkSize;
    this.buffer = new byte[Math.min(INITIAL_BUFFER, chunkSize)];
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (count == buffer.length) {
      makeRoom();
    }
    buffer[count++] = (byte) b;
    pos++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    checkFromIndexSize(off, len, b.length);
    ensureOpen();
    while (len > 0) {
      if (count == buffer.length) {
        makeRoom();
      }
      int n = Math.min(len, buffer.length - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
      pos += n;
    }
  }

  /** Grows the buffer up to the chunk size, then stages it. */
  private void makeRoom() throws IOException {
    if (buffer.length < chunkSize) {
      byte[] bigger = new byte[(int) Math.min(chunkSize, (long) buffer.length * 2)];
      System.arraycopy(buffer, 0, bigger, 0, count);
      buffer = bigger;
      return;
    }
    try {
      sink.stage(ByteBuffer.wrap(buffer, 0, count));
    } catch (IOException | RuntimeException e) {
      closed = true;
      sink.abort();
      throw e;
    }
    staged = true;
    count = 0;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sink.commit(ByteBuffer.wrap(buffer, 0, count), !staged);
    } catch (IOException | RuntimeException e) {
      sink.abort();
      throw e;
    } finally {
      buffer = new byte[0];
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream is closed: " + path);
    }
  }
}
