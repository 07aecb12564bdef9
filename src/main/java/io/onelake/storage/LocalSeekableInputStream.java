/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads over a {@link FileChannel}. There is no buffer of its own: Parquet reads whole
 * column chunks with {@code readFully}, and the JSON reader wraps the stream in a buffered reader.
 */
final class LocalSeekableInputStream extends SeekableInputStream {
  private final FileChannel channel;
  private long pos;
  private boolean closed;

  LocalSeekableInputStream(FileChannel channel) {
    this.channel = requireNonNull(channel, "channel is null");
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
      throw new EOFException("cannot seek to negative position " + newPos);
    }
    pos = newPos;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkFromIndexSize(off, len, b.length);
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, len), pos);
    if (n > 0) {
      pos += n;
    }
    return n;
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    ReadFully.readFully(this, b, off, len, "file at position " + pos);
  }


  @Override
  public long skip(long n) throws IOException {
    ensureOpen();
    if (n <= 0) {
      return 0;
    }
    long skipped = Math.max(0, Math.min(n, channel.size() - pos));
    pos += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    ensureOpen();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, channel.size() - pos));
  }

  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream is closed");
    }
  }
}
