/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link FileIO} and {@link LakehouseStorage} contract, run against every backend. */
abstract class FileIOContractTest {
  private static final String LOG = "Tables/dbo/orders/_delta_log/";

  protected LakehouseStorage storage;
  protected FileIO io;

  /** A fresh, empty lakehouse root. */
  protected abstract LakehouseStorage newStorage() throws IOException;

  /** Size of the streamed file in {@link #outputFileStreamsAndIsInvisibleUntilClose()}. */
  protected abstract int bigFileSize();

  protected abstract int raceRounds();

  @BeforeEach
  void openStorage() throws IOException {
    storage = newStorage();
    io = storage.fileIO();
  }

  @AfterEach
  void closeStorage() {
    if (storage != null) {
      storage.close();
    }
  }

  @Test
  void resolveAndResolvePathAgree() throws IOException {
    String table = storage.resolve("Tables/dbo/orders");
    assertEquals(storage.rootUri() + "/Tables/dbo/orders", table);
    assertEquals(table, storage.resolve("/Tables/dbo/orders/"));
    assertEquals(table, io.resolvePath(table));
    assertFalse(storage.rootUri().endsWith("/"));
  }

  @Test
  void listFromIsSortedInclusiveAndSameDirectoryOnly() throws IOException {
    for (String name : List.of(
        "00000000000000000002.json", "00000000000000000000.json", "00000000000000000001.json",
        "00000000000000000010.checkpoint.parquet", "_last_checkpoint", "_sidecars/abc.parquet")) {
      write(LOG + name, "x-" + name);
    }
    List<FileStatus> listed = list(storage.resolve(LOG + "00000000000000000001.json"));
    assertEquals(
        List.of(
            storage.resolve(LOG + "00000000000000000001.json"),
            storage.resolve(LOG + "00000000000000000002.json"),
            storage.resolve(LOG + "00000000000000000010.checkpoint.parquet"),
            storage.resolve(LOG + "_last_checkpoint")),
        paths(listed));
    assertEquals(("x-00000000000000000001.json\n").length(), listed.get(0).getSize());
    assertTrue(listed.get(0).getModificationTime() > 0);

    // Kernel lists from a version prefix that is not itself a file name.
    assertEquals(5, list(storage.resolve(LOG + "00000000000000000000")).size());
    assertEquals(List.of(), list(storage.resolve(LOG + "zzz")));
    assertThrows(FileNotFoundException.class, () -> list(storage.resolve("Tables/dbo/missing/_delta_log/0")));
  }

  @Test
  void rangedReadsAndSeeks() throws IOException {
    byte[] data = randomBytes(3 * 1024 * 1024 + 123);
    String path = storage.resolve("Files/data.bin");
    try (PositionOutputStream out = io.newOutputFile(path).create(true)) {
      out.write(data);
    }
    InputFile file = io.newInputFile(path, data.length);
    assertEquals(data.length, file.length());
    try (SeekableInputStream in = file.newStream()) {
      // As Parquet does: footer length first, then the footer, then column chunks.
      byte[] tail = new byte[8];
      in.seek(data.length - 8);
      in.readFully(tail, 0, 8);
      assertArrayEquals(Arrays.copyOfRange(data, data.length - 8, data.length), tail);
      assertEquals(data.length, in.getPos());
      assertEquals(-1, in.read());

      byte[] footer = new byte[1000];
      in.seek(data.length - 1008);
      in.readFully(footer, 0, footer.length);
      assertArrayEquals(Arrays.copyOfRange(data, data.length - 1008, data.length - 8), footer);

      in.seek(0);
      assertEquals(data[0] & 0xff, in.read());
      assertEquals(1, in.getPos());

      byte[] big = new byte[2 * 1024 * 1024 + 17];
      in.seek(1000);
      in.readFully(big, 0, big.length);
      assertArrayEquals(Arrays.copyOfRange(data, 1000, 1000 + big.length), big);
      assertEquals(1000 + big.length, in.getPos());

      byte[] small = new byte[100];
      in.seek(data.length - 50);
      assertThrows(EOFException.class, () -> in.readFully(small, 0, 100));
    }

    // Kernel passes -1 when it does not know the size.
    InputFile unknownSize = io.newInputFile(path, -1);
    assertEquals(data.length, unknownSize.length());
    try (SeekableInputStream in = unknownSize.newStream()) {
      byte[] all = new byte[data.length];
      in.readFully(all, 0, all.length);
      assertArrayEquals(data, all);
    }
  }

  @Test
  void writeAtomicallyIsPutIfAbsent() throws IOException {
    String path = storage.resolve(LOG + "00000000000000000000.json");
    io.newOutputFile(path).writeAtomically(lines("first", "line2"), false);
    assertThrows(FileAlreadyExistsException.class,
        () -> io.newOutputFile(path).writeAtomically(lines("second"), false));
    assertEquals("first\nline2\n", read(path));

    io.newOutputFile(path).writeAtomically(lines("replaced"), true);
    assertEquals("replaced\n", read(path));
  }

  @Test
  void outputFileStreamsAndIsInvisibleUntilClose() throws IOException {
    byte[] data = randomBytes(bigFileSize());
    String path = storage.resolve("Tables/t/part-00000.parquet");
    PositionOutputStream out = io.newOutputFile(path).create(false);
    int half = data.length / 2;
    out.write(data, 0, half);
    out.write(data[half]);
    out.write(data, half + 1, data.length - half - 1);
    assertEquals(data.length, out.getPos());
    assertThrows(FileNotFoundException.class, () -> io.getFileStatus(path));
    assertFalse(storage.exists(path));
    out.close();
    out.close(); // idempotent
    assertEquals(data.length, io.getFileStatus(path).getSize());
    assertEquals(path, io.getFileStatus(path).getPath());
    assertArrayEquals(data, readBytes(path));

    // atomicWrite: never replaces an existing file (checkpoints).
    PositionOutputStream again = io.newOutputFile(path).create(true);
    again.write(new byte[] {1, 2, 3});
    assertThrows(FileAlreadyExistsException.class, again::close);
    assertEquals(data.length, io.getFileStatus(path).getSize());

    // Without atomicWrite an existing file is overwritten.
    try (PositionOutputStream replace = io.newOutputFile(path).create(false)) {
      replace.write(new byte[] {4, 5});
    }
    assertArrayEquals(new byte[] {4, 5}, readBytes(path));
  }

  @Test
  void deleteAndFileStatus() throws IOException {
    String path = storage.resolve("Files/a.txt");
    assertThrows(FileNotFoundException.class, () -> io.getFileStatus(path));
    write("Files/a.txt", "hello");
    assertEquals(6, io.getFileStatus(path).getSize());
    assertTrue(io.delete(path));
    assertFalse(io.delete(path));
    assertThrows(FileNotFoundException.class, () -> io.getFileStatus(path));
    assertTrue(io.mkdirs(storage.resolve("Files/sub/dir")));
    assertEquals("v", io.getConf("parquet.compression").map(x -> "v").orElse("v"));
  }

  @Test
  void specialCharactersRoundTrip() throws IOException {
    List<String> names = List.of("city=a%20b%252Fc%253Dd%2525", "Sales Lakehouse", "Zürich", "x=1", "a+b&c");
    for (String name : names) {
      write("Tables/t/" + name + "/part 1.json", name);
    }
    assertEquals(names.stream().sorted().toList(), storage.listDirectories(storage.resolve("Tables/t")));
    for (String name : names) {
      String file = storage.resolve("Tables/t/" + name + "/part 1.json");
      assertEquals(List.of(file), paths(list(storage.resolve("Tables/t/" + name + "/part"))));
      assertEquals(name + "\n", read(file));
      assertEquals(file, io.getFileStatus(file).getPath());
      assertTrue(storage.exists(storage.resolve("Tables/t/" + name)));
    }
  }

  @Test
  void directoriesExistsAndDeleteRecursively() throws IOException {
    write("Tables/dbo/orders/_delta_log/00000000000000000000.json", "{}");
    write("Tables/dbo/items/_delta_log/00000000000000000000.json", "{}");
    write("Tables/sales/t/x.json", "{}");
    write("Tables/readme.txt", "not a directory");
    storage.createDirectory(storage.resolve("Tables"));

    assertEquals(List.of("dbo", "sales"), storage.listDirectories(storage.resolve("Tables")));
    assertEquals(List.of("items", "orders"), storage.listDirectories(storage.resolve("Tables/dbo")));
    assertEquals(List.of("Tables"), storage.listDirectories(storage.rootUri()));
    assertEquals(List.of(), storage.listDirectories(storage.resolve("Tables/nope")));

    assertTrue(storage.exists(storage.resolve("Tables/readme.txt")));
    assertTrue(storage.exists(storage.resolve("Tables/dbo")));
    assertFalse(storage.exists(storage.resolve("Tables/nope")));
    assertFalse(storage.exists(storage.resolve("Tables/db"))); // a prefix of a name is not a directory

    storage.deleteRecursively(storage.resolve("Tables/dbo"));
    assertFalse(storage.exists(storage.resolve("Tables/dbo")));
    assertFalse(storage.exists(storage.resolve("Tables/dbo/orders/_delta_log/00000000000000000000.json")));
    assertTrue(storage.exists(storage.resolve("Tables/sales/t/x.json")));
    storage.deleteRecursively(storage.resolve("Tables/dbo")); // idempotent
    assertEquals(List.of("sales"), storage.listDirectories(storage.resolve("Tables")));
  }

  @Test
  void exactlyOneOfRacingCommitsWins() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < raceRounds(); round++) {
        String path = storage.resolve("Tables/race" + round + "/_delta_log/00000000000000000001.json");
        storage.createDirectory(storage.resolve("Tables/race" + round + "/_delta_log"));
        CyclicBarrier barrier = new CyclicBarrier(writers);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String content = "writer-" + w;
          results.add(pool.submit(() -> {
            barrier.await(30, TimeUnit.SECONDS);
            try {
              io.newOutputFile(path).writeAtomically(lines(content), false);
              return true;
            } catch (FileAlreadyExistsException e) {
              return false;
            }
          }));
        }
        int winners = 0;
        for (Future<Boolean> result : results) {
          if (result.get(60, TimeUnit.SECONDS)) {
            winners++;
          }
        }
        assertEquals(1, winners, "winners in round " + round);
        assertTrue(read(path).matches("writer-\\d\n"));
        assertEquals(1, list(path).size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deltaKernelCreatesAndLoadsATable() throws IOException {
    Engine engine = DefaultEngine.create(io);
    String table = storage.resolve("Tables/dbo/kernel_smoke");
    StructType schema = new StructType().add("id", IntegerType.INTEGER).add("name", StringType.STRING);
    TableManager.buildCreateTableTransaction(table, schema, "onelake-jdbc-test")
        .build(engine)
        .commit(engine, CloseableIterable.emptyIterable());
    Snapshot snapshot = TableManager.loadSnapshot(table).build(engine);
    assertEquals(0, snapshot.getVersion());
    assertEquals(schema, snapshot.getSchema());

    // A checkpoint goes through OutputFile.create(atomic) and is read back through the Parquet reader.
    snapshot.writeCheckpoint(engine);
    assertTrue(storage.exists(table + "/_delta_log/00000000000000000000.checkpoint.parquet"));
    assertTrue(storage.exists(table + "/_delta_log/_last_checkpoint"));
    Snapshot fromCheckpoint = TableManager.loadSnapshot(table).build(DefaultEngine.create(io));
    assertEquals(0, fromCheckpoint.getVersion());
    assertEquals(schema, fromCheckpoint.getSchema());
    assertEquals(List.of("kernel_smoke"), storage.listDirectories(storage.resolve("Tables/dbo")));
  }

  @Test
  void deltaKernelWritesAndReadsPartitionedData() throws IOException {
    Engine engine = DefaultEngine.create(io);
    String table = storage.resolve("Tables/dbo/cities");
    StructType schema = new StructType().add("id", IntegerType.INTEGER).add("city", StringType.STRING);
    KernelTables.createPartitioned(engine, table, schema, "city");
    // Partition values that Kernel escapes into directory names with literal % sequences.
    assertEquals(1, KernelTables.append(engine, table, schema, "city", "Zürich",
        List.of("{\"id\":1,\"city\":\"Zürich\"}", "{\"id\":2,\"city\":\"Zürich\"}")));
    assertEquals(2, KernelTables.append(engine, table, schema, "city", "a b/c=d%",
        List.of("{\"id\":3,\"city\":\"a b/c=d%\"}")));
    assertEquals(List.of("1|Zürich", "2|Zürich", "3|a b/c=d%"), KernelTables.readAll(DefaultEngine.create(io), table));
    // Data files land inside the table directory, in Spark's partition directory layout.
    assertEquals(List.of("_delta_log", "city=Zürich", "city=a b%2Fc%3Dd%25"), storage.listDirectories(table));
    // ... and add.path is relative and URI-encoded, as Spark writes it.
    String commit = read(table + "/_delta_log/00000000000000000002.json");
    assertTrue(commit.contains("\"path\":\"city=a%20b%252Fc%253Dd%2525/"), commit);
  }

  // ---- helpers

  protected void write(String relativePath, String content) throws IOException {
    io.newOutputFile(storage.resolve(relativePath)).writeAtomically(lines(content), false);
  }

  protected String read(String path) throws IOException {
    return new String(readBytes(path), UTF_8);
  }

  protected byte[] readBytes(String path) throws IOException {
    InputFile file = io.newInputFile(path, -1);
    byte[] data = new byte[(int) file.length()];
    try (SeekableInputStream in = file.newStream()) {
      in.readFully(data, 0, data.length);
      assertEquals(-1, in.read());
    }
    return data;
  }

  protected List<FileStatus> list(String path) throws IOException {
    List<FileStatus> result = new ArrayList<>();
    try (CloseableIterator<FileStatus> it = io.listFrom(path)) {
      it.forEachRemaining(result::add);
    }
    return result;
  }

  private static List<String> paths(List<FileStatus> statuses) {
    return statuses.stream().map(FileStatus::getPath).toList();
  }

  static CloseableIterator<String> lines(String... lines) {
    Iterator<String> it = List.of(lines).iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public String next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }

  protected static byte[] randomBytes(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }
}
