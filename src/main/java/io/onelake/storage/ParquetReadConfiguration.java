/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * One loaded Hadoop configuration for every Parquet file a FileIO reads. Kernel 4.4's Parquet reader
 * builds a fresh Hadoop {@code Configuration} per file — parsing {@code core-default.xml} from the
 * classpath, about 6 ms, which made scanning a table of many small files (one per single-row INSERT)
 * take 12 ms per file — unless the file is one of Kernel's {@code HadoopInputFile}s, whose file
 * system's configuration it reuses ({@code ParquetIOUtils.parquetConfiguration}). The driver's input
 * files therefore extend that class with this carrier: a file system object that is never used for
 * I/O, only to hand over the configuration.
 */
final class ParquetReadConfiguration {
  /** Kernel's HadoopInputFile wants a path; ours override {@code path()}, so it is never read. */
  static final Path UNUSED_PATH = new Path("/");

  private FileSystem carrier;

  /**
   * The file system whose {@code getConf()} Kernel reads files with; made on first use, so that a
   * connection that reads nothing does not pay for loading Hadoop's defaults.
   */
  synchronized FileSystem carrier() {
    if (carrier == null) {
      Configuration configuration = new Configuration();
      // Load the defaults now, once, not on the first read of a Parquet file.
      configuration.get("fs.defaultFS");
      RawLocalFileSystem fileSystem = new RawLocalFileSystem();
      fileSystem.setConf(configuration);
      carrier = fileSystem;
    }
    return carrier;
  }
}
