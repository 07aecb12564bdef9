/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.defaults.engine.hadoopio.HadoopInputFile;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The storage's FileIO, except that Kernel's Parquet reader gets a Hadoop configuration without
 * Hadoop's default resources with every file. For any other input file, Kernel's reader (4.4) makes
 * a fresh {@code Configuration} per file, and its first lookup parses {@code core-default.xml} from
 * the class path (about 25 ms, under a JVM-wide lock): a scan of a hundred small files, or a
 * checkpoint, paid that per file. Only a {@link HadoopInputFile} lends its configuration to the
 * reader, hence the subclass; the driver reads through its own FileIO, not Hadoop file systems, and
 * parquet-hadoop has its defaults in code.
 */
final class PlainReadsFileIO extends DelegatingFileIO {
  PlainReadsFileIO(FileIO delegate) {
    super(delegate);
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return new PlainConfigurationInputFile(super.newInputFile(path, fileSize));
  }

  /** Kernel's input file with a plain configuration; no Hadoop file system behind it. */
  private static final class PlainConfigurationInputFile extends HadoopInputFile {
    private final InputFile file;

    PlainConfigurationInputFile(InputFile file) {
      super(null, null, 0);
      this.file = file;
    }

    @Override
    public long length() throws IOException {
      return file.length();
    }

    @Override
    public String path() {
      return file.path();
    }

    /** A new one per file: parquet-hadoop's reader may set options on it. */
    @Override
    public Configuration configuration() {
      return new Configuration(false);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      return file.newStream();
    }
  }
}
