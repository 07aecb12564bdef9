/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.models.FileRange;
import java.io.OutputStream;

/** A file, read through the DFS (ADLS Gen2) API. */
final class DfsRemoteFile implements RemoteFile {
  private final DataLakeFileClient file;

  DfsRemoteFile(DataLakeFileClient file) {
    this.file = requireNonNull(file, "file is null");
  }

  @Override
  public long length() {
    return file.getProperties().getFileSize();
  }

  @Override
  public String read(long start, int count, OutputStream out, String ifMatch) {
    DataLakeRequestConditions conditions = ifMatch == null ? null : new DataLakeRequestConditions().setIfMatch(ifMatch);
    return file.readWithResponse(out, new FileRange(start, (long) count), null, conditions, false, null, Context.NONE)
        .getDeserializedHeaders()
        .getETag();
  }
}
