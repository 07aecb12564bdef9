/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The part of the DFS FileIO that Azurite can serve offline: its DFS client's reads, status and
 * delete map to plain Blob GET/HEAD/DELETE requests. Files are written through the Blob API; the
 * DFS-only requests (create/append/flush, rename, listPaths) are covered by {@link DfsFileIOLiveTest}.
 */
@ExtendWith(AzuriteExtension.class)
class DfsReadsAzuriteTest {
  private final AzuriteProcess azurite;

  DfsReadsAzuriteTest(AzuriteProcess azurite) {
    this.azurite = azurite;
  }

  @Test
  void rangedReadsStatusAndDeleteThroughTheDfsClient() throws IOException {
    StorageLocation location = StorageLocation.parse(azurite.newContainerUrl("dfsreads") + "/Lake.Lakehouse");
    byte[] data = FileIOContractTest.randomBytes(700_000);
    try (BlobStorage blob = BlobStorage.open(location, azurite.credential(), Map.of(), new TransferSizes(256 * 1024, 64 * 1024),
            StorageClients.defaultHttpClient());
        DfsStorage dfs = DfsStorage.open(location, azurite.credential(), Map.of(), new TransferSizes(256 * 1024, 64 * 1024),
            StorageClients.defaultHttpClient())) {
      // Path-style emulator endpoints have no separate DFS host, so both APIs see the same paths.
      assertEquals(blob.rootUri(), dfs.rootUri());
      String path = dfs.resolve("Tables/t/part-0.parquet");
      try (PositionOutputStream out = blob.fileIO().newOutputFile(path).create(true)) {
        out.write(data);
      }
      FileIO io = dfs.fileIO();
      assertEquals(data.length, io.getFileStatus(path).getSize());
      assertEquals(path, io.getFileStatus(path).getPath());
      try (SeekableInputStream in = io.newInputFile(path, -1).newStream()) {
        byte[] tail = new byte[8];
        in.seek(data.length - 8);
        in.readFully(tail, 0, 8);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, data.length - 8, data.length), tail);
        byte[] all = new byte[data.length];
        in.seek(0);
        in.readFully(all, 0, all.length);
        assertArrayEquals(data, all);
        in.seek(data.length);
        assertEquals(-1, in.read());
      }
      assertTrue(io.delete(path));
      assertFalse(io.delete(path));
      assertThrows(FileNotFoundException.class, () -> io.getFileStatus(path));
      assertThrows(FileNotFoundException.class, () -> io.newInputFile(path, -1).length());
    }
  }
}
