/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class StorageLocationTest {
  @Test
  void fileForms() {
    Path expected = Paths.get("/data/lake/Sales.Lakehouse");
    for (String location : new String[] {
        "file:/data/lake/Sales.Lakehouse",
        "file:///data/lake/Sales.Lakehouse",
        "file://localhost/data/lake/Sales.Lakehouse",
        "/data/lake/Sales.Lakehouse",
        "/data/lake/./x/../Sales.Lakehouse/",
        "  file:/data/lake/Sales.Lakehouse  "}) {
      StorageLocation parsed = StorageLocation.parse(location);
      assertEquals(StorageLocation.Kind.LOCAL, parsed.kind(), location);
      assertEquals(expected, parsed.root(), location);
      assertEquals("file:/data/lake/Sales.Lakehouse", parsed.toString(), location);
      assertEquals("Sales", parsed.displayName(), location);
    }
  }

  @Test
  void relativeFileLocationsResolveAgainstWorkingDirectory() {
    Path cwd = Paths.get("").toAbsolutePath();
    assertEquals(cwd.resolve("lake"), StorageLocation.parse("file:lake").root());
    assertEquals(cwd.resolve("lake/x"), StorageLocation.parse("file:./lake/x").root());
    assertTrue(StorageLocation.parse("file:lake").root().isAbsolute());
  }

  @Test
  void localPathsAreLiteral() {
    StorageLocation parsed = StorageLocation.parse("file:/data/My%20Lake");
    assertEquals(Paths.get("/data/My%20Lake"), parsed.root());
    assertEquals("My%20Lake", parsed.displayName());
    assertEquals(Paths.get("/data/My Lake"), StorageLocation.parse("/data/My Lake").root());
  }

  @Test
  void virtualHostBlobUrl() {
    StorageLocation parsed = StorageLocation.parse("https://acct.blob.core.windows.net/c1/lake/Sales.Lakehouse/");
    assertEquals(StorageLocation.Kind.BLOB, parsed.kind());
    assertEquals("https://acct.blob.core.windows.net", parsed.serviceEndpoint());
    assertEquals("acct", parsed.accountName());
    assertEquals("c1", parsed.containerName());
    assertEquals("lake/Sales.Lakehouse", parsed.rootPath());
    assertEquals("Sales", parsed.displayName());
    assertEquals("https://acct.blob.core.windows.net/c1/lake/Sales.Lakehouse", parsed.toString());

    StorageLocation containerOnly = StorageLocation.parse("https://ACCT.blob.core.windows.net/c1");
    assertEquals("", containerOnly.rootPath());
    assertEquals("c1", containerOnly.displayName());
    assertEquals("https://acct.blob.core.windows.net", containerOnly.serviceEndpoint());
  }

  @Test
  void oneLakeAndDfsUrls() {
    StorageLocation parsed = StorageLocation.parse(
        "https://onelake.dfs.fabric.microsoft.com/6f1c2a4e-0000-4000-8000-000000000001/Sales%20Data.Lakehouse");
    assertEquals("https://onelake.blob.fabric.microsoft.com", parsed.serviceEndpoint());
    assertEquals("onelake", parsed.accountName());
    assertEquals("6f1c2a4e-0000-4000-8000-000000000001", parsed.containerName());
    assertEquals("Sales Data.Lakehouse", parsed.rootPath());
    assertEquals("Sales Data", parsed.displayName());

    StorageLocation adls = StorageLocation.parse("https://acct.dfs.core.windows.net/fs/dir");
    assertEquals("https://acct.blob.core.windows.net", adls.serviceEndpoint());
  }

  @Test
  void pathStyleBlobUrl() {
    StorageLocation parsed = StorageLocation.parse("http://127.0.0.1:10000/devstoreaccount1/c1/lake");
    assertEquals("http://127.0.0.1:10000/devstoreaccount1", parsed.serviceEndpoint());
    assertEquals("devstoreaccount1", parsed.accountName());
    assertEquals("c1", parsed.containerName());
    assertEquals("lake", parsed.rootPath());
    assertEquals("lake", parsed.displayName());
    assertEquals("http://127.0.0.1:10000/devstoreaccount1/c1/lake", parsed.toString());

    StorageLocation localhost = StorageLocation.parse("http://localhost:10000/devstoreaccount1/c1");
    assertEquals("http://localhost:10000/devstoreaccount1", localhost.serviceEndpoint());
    assertEquals("", localhost.rootPath());
    assertEquals("c1", localhost.displayName());
  }

  @Test
  void sasQueryIsNeverShown() {
    String secret = "sv=2024-01-01&sig=SECRETSIGNATURE%3D";
    StorageLocation parsed = StorageLocation.parse("https://acct.blob.core.windows.net/c1/lake?" + secret);
    assertEquals("lake", parsed.rootPath());
    assertFalse(parsed.toString().contains("SECRET"));
    assertFalse(parsed.toString().contains("?"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StorageLocation.parse("https://acct.blob.core.windows.net/?" + secret));
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> StorageLocation.parse("ftp://host/x?" + secret));
    assertFalse(e2.getMessage().contains("SECRET"), e2.getMessage());
  }

  @Test
  void badInputs() {
    for (String bad : new String[] {
        "", "   ", "relative/path", "s3://bucket/x", "ftp://host/x", "file://otherhost/x",
        "https://acct.blob.core.windows.net", "https://acct.blob.core.windows.net/",
        "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10000/",
        "https://user@acct.blob.core.windows.net/c", "https://acct.blob.core.windows.net/c/bad%zzescape",
        "https:///c/x"}) {
      assertThrows(IllegalArgumentException.class, () -> StorageLocation.parse(bad), bad);
    }
    assertThrows(NullPointerException.class, () -> StorageLocation.parse(null));
  }

  @Test
  void accessorsOfTheOtherKindFail() {
    assertThrows(IllegalStateException.class, () -> StorageLocation.parse("/x").containerName());
    assertThrows(IllegalStateException.class,
        () -> StorageLocation.parse("http://127.0.0.1:1/a/c").root());
  }

  @Test
  void valueSemantics() {
    assertEquals(StorageLocation.parse("file:///a/b"), StorageLocation.parse("/a/b"));
    assertEquals(StorageLocation.parse("https://a.blob.core.windows.net/c/p/"),
        StorageLocation.parse("https://a.blob.core.windows.net/c//p"));
    assertEquals(StorageLocation.parse("file:///a/b").hashCode(), StorageLocation.parse("/a/b").hashCode());
  }
}
