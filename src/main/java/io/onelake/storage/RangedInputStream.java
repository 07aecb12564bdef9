/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Ranged reads behind a seekable stream, with a read-ahead buffer of {@code chunkSize} bytes.
 *
 * <p>Small sequential reads (JSON lines, Parquet page headers) are served from the buffer; reads of
 * at least a chunk (Parquet column chunks) go straight into the caller's array. A seek into the last
 * chunk of the file fetches that whole tail, so the Parquet footer length and the footer that
 * precedes it cost one request. All requests after the first carry {@code If-Match} with the ETag of
 * the first, so a file replaced while it is read fails instead of mixing two versions. The same
 * stream serves the Blob and the DFS API (see {@link RemoteFile}).
 */
final class RangedInputStream extends SeekableInputStream {
  private final RemoteFile file;
  private final String path;
  private final long length;
  private final int chunkSize;

  private byte[] buffer = new byte[0];
  private long bufferStart;
  private int bufferLength;
  private long pos;
  private String etag;
  private boolean closed;

  RangedInputStream(RemoteFile file, String path, long length, int chunkSize) {
    this.file = requireNonNull(file, "file is null");
    this.path = requireNonNull(path, "path is null");
    this.length = length;
    this.chunkSize = chunkSize;
  }

  @Override
  public long getPos() throws IOException {
    ensureOpen();
    return pos;
  }

  @Override
  public void seek(long newPos) throws IOException {
    ensureOpen();
    if (newPos < 0) {
      throw new EOFException("cannot seek to negative position " + newPos + " in " + path);
    }
    pos = newPos;
  }

  @Override
  public int read() throws IOException {
    ensureOpen();
    if (pos >= length) {
      return -1;
    }
    if (!buffered(pos)) {
      fill(pos);
    }
    int b = buffer[(int) (pos - bufferStart)] & 0xff;
    pos++;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkFromIndexSize(off, len, b.length);
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - pos);
    if (buffered(pos)) {
      n = (int) Math.min(n, bufferStart + bufferLength - pos);
      System.arraycopy(buffer, (int) (pos - bufferStart), b, off, n);
    } else if (n >= chunkSize) {
      download(pos, n, b, off);
    } else {
      fill(pos);
      n = (int) Math.min(n, bufferStart + bufferLength - pos);
      System.arraycopy(buffer, (int) (pos - bufferStart), b, off, n);
    }
    pos += n;
    return n;
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    ReadFully.readFully(this, b, off, len, path);
  }


  @Override
  public long skip(long n) throws IOException {
    ensureOpen();
    if (n <= 0) {
      return 0;
    }
    long skipped = Math.max(0, Math.min(n, length - pos));
    pos += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    ensureOpen();
    return buffered(pos) ? (int) (bufferStart + bufferLength - pos) : 0;
  }

  @Override
  public void close() {
    closed = true;
    buffer = new byte[0];
    bufferLength = 0;
  }

  private boolean buffered(long position) {
    return position >= bufferStart && position < bufferStart + bufferLength;
  }

  private void fill(long position) throws IOException {
    boolean sequential = position == bufferStart + bufferLength;
    long start = position;
    if (!sequential && length - position < chunkSize) {
      start = Math.max(0, length - chunkSize); // a seek near the end: take the whole tail
    }
    int count = (int) Math.min(chunkSize, length - start);
    if (buffer.length < count) {
      buffer = new byte[count];
    }
    bufferLength = 0;
    download(start, count, buffer, 0);
    bufferStart = start;
    bufferLength = count;
  }

  private void download(long start, int count, byte[] target, int off) throws IOException {
    ArrayWindowOutputStream out = new ArrayWindowOutputStream(target, off, count);
    try {
      String readEtag = file.read(start, count, out, etag);
      if (etag == null) {
        etag = readEtag;
      }
    } catch (RuntimeException e) {
      if (etag != null && StorageErrors.status(e) == 412) {
        throw new IOException("file changed while it was being read: " + path + " (HTTP 412)", e);
      }
      throw StorageErrors.toIOException("read", path, e);
    }
    if (out.written() != count) {
      throw new EOFException("short read from " + path + ": expected " + count + " bytes at " + start + ", got " + out.written());
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream is closed: " + path);
    }
  }

  /** Receives a download directly into a region of an array. */
  private static final class ArrayWindowOutputStream extends OutputStream {
    private final byte[] target;
    private final int offset;
    private final int capacity;
    private int written;

    ArrayWindowOutputStream(byte[] target, int offset, int capacity) {
      this.target = target;
      this.offset = offset;
      this.capacity = capacity;
    }

    int written() {
      return written;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > capacity - written) {
        throw new IOException("the service returned more bytes than requested");
      }
      System.arraycopy(b, off, target, offset + written, len);
      written += len;
    }
  }
}
