/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.util.Objects.requireNonNull;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import java.io.OutputStream;

/** A blob, read through the Blob API. */
final class BlobRemoteFile implements RemoteFile {
  private final BlobClient blob;

  BlobRemoteFile(BlobClient blob) {
    this.blob = requireNonNull(blob, "blob is null");
  }

  @Override
  public long length() {
    return blob.getProperties().getBlobSize();
  }

  @Override
  public String read(long start, int count, OutputStream out, String ifMatch) {
    BlobRequestConditions conditions = ifMatch == null ? null : new BlobRequestConditions().setIfMatch(ifMatch);
    return blob.downloadStreamWithResponse(out, new BlobRange(start, (long) count), null, conditions, false, null, Context.NONE)
        .getDeserializedHeaders()
        .getETag();
  }
}
