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

  private static final String WS_GUID = "6f1c2a4e-0b3d-4c5e-8f90-123456789abc";
  private static final String ITEM_GUID = "0A1B2C3D-4E5F-6789-ABCD-EF0123456789";

  @Test
  void oneLakeByNamesAddsTheLakehouseType() {
    for (String location : new String[] {"//Sales/Main", "//Sales/Main.Lakehouse", "//Sales/Main/", "//Sales//Main"}) {
      StorageLocation parsed = StorageLocation.parse(location);
      assertEquals(StorageLocation.Kind.BLOB, parsed.kind(), location);
      assertEquals("https://onelake.blob.fabric.microsoft.com", parsed.serviceEndpoint(), location);
      assertEquals("https://onelake.dfs.fabric.microsoft.com", parsed.dfsEndpoint(), location);
      assertEquals("onelake", parsed.accountName(), location);
      assertEquals("Sales", parsed.containerName(), location);
      assertEquals("Main.Lakehouse", parsed.rootPath(), location);
      assertEquals("Main", parsed.displayName(), location);
    }
    // Another item type, or a type in another case, is taken as written.
    assertEquals("Stock.Warehouse", StorageLocation.parse("//Sales/Stock.Warehouse").rootPath());
    assertEquals("Main.lakehouse", StorageLocation.parse("//Sales/Main.lakehouse").rootPath());
  }

  @Test
  void oneLakeNamesAreUrlDecoded() {
    StorageLocation parsed = StorageLocation.parse("//Sales%20Team/M%C3%BCnchen");
    assertEquals("Sales Team", parsed.containerName());
    assertEquals("München.Lakehouse", parsed.rootPath());
    assertEquals("Sales Team", StorageLocation.parse("//Sales Team/Main").containerName());
    assertEquals("https://onelake.blob.fabric.microsoft.com/Sales Team/München.Lakehouse", parsed.toString());
  }

  @Test
  void oneLakeByGuidsNeedsNoType() {
    StorageLocation parsed = StorageLocation.parse("//" + WS_GUID + "/" + ITEM_GUID);
    assertEquals(WS_GUID, parsed.containerName());
    assertEquals(ITEM_GUID, parsed.rootPath());
    assertEquals(ITEM_GUID, parsed.displayName());
  }

  @Test
  void oneLakeBadForms() {
    assertMessage("//Sales", "needs a workspace and an item");
    assertMessage("//", "needs a workspace and an item");
    assertMessage("//Sales/Main.Lakehouse/Tables", "not a folder in it");
    assertMessage("//" + WS_GUID + "/Main", "either names or GUIDs");
    assertMessage("//Sales/" + ITEM_GUID, "either names or GUIDs");
    assertMessage("//Sales/Ma%2", "invalid %-escape");
  }

  @Test
  void abfssForAdlsAccounts() {
    StorageLocation parsed = StorageLocation.parse("abfss://lake@acct.dfs.core.windows.net/dir/Sales.Lakehouse");
    assertEquals("https://acct.blob.core.windows.net", parsed.serviceEndpoint());
    assertEquals("https://acct.dfs.core.windows.net", parsed.dfsEndpoint());
    assertEquals("acct", parsed.accountName());
    assertEquals("lake", parsed.containerName());
    assertEquals("dir/Sales.Lakehouse", parsed.rootPath());
    assertEquals("Sales", parsed.displayName());
    // The container root, a sovereign cloud, upper case in scheme and host, and a %-escape.
    StorageLocation root = StorageLocation.parse("ABFSS://c@Acct.DFS.core.chinacloudapi.cn");
    assertEquals("https://acct.blob.core.chinacloudapi.cn", root.serviceEndpoint());
    assertEquals("https://acct.dfs.core.chinacloudapi.cn", root.dfsEndpoint());
    assertEquals("", root.rootPath());
    assertEquals("a b", StorageLocation.parse("abfss://c@acct.dfs.core.windows.net/a%20b").rootPath());
  }

  @Test
  void abfssForOneLake() {
    StorageLocation parsed = StorageLocation.parse("abfss://Sales@onelake.dfs.fabric.microsoft.com/Main.Lakehouse");
    assertEquals(StorageLocation.parse("//Sales/Main"), parsed);
  }

  @Test
  void abfssBadForms() {
    assertMessage("abfss://acct.dfs.core.windows.net/lake", "needs a container and an account host");
    assertMessage("abfss://@acct.dfs.core.windows.net/lake", "needs a container and an account host");
    assertMessage("abfss://lake@localhost/x", "needs a container and an account host");
    assertMessage("abfs://lake@acct.dfs.core.windows.net/x", "use abfss://");
  }

  @Test
  void endpointOverride() {
    StorageLocation oneLake = StorageLocation.parse("//Sales/Main");
    StorageLocation regional = oneLake.withServiceEndpoint("https://westus-onelake.dfs.fabric.microsoft.com/");
    assertEquals("https://westus-onelake.blob.fabric.microsoft.com", regional.serviceEndpoint());
    assertEquals("https://westus-onelake.dfs.fabric.microsoft.com", regional.dfsEndpoint());
    assertEquals("Sales", regional.containerName());
    assertEquals("Main.Lakehouse", regional.rootPath());

    StorageLocation emulator = StorageLocation.parse("//" + WS_GUID + "/" + ITEM_GUID)
        .withServiceEndpoint("http://127.0.0.1:10000/devstoreaccount1");
    assertEquals("http://127.0.0.1:10000/devstoreaccount1", emulator.serviceEndpoint());
    assertEquals("http://127.0.0.1:10000/devstoreaccount1", emulator.dfsEndpoint());
    assertEquals("devstoreaccount1", emulator.accountName());
    assertEquals(WS_GUID, emulator.containerName());

    for (String bad : new String[] {"onelake.dfs.fabric.microsoft.com", "ftp://x", "https://acct.blob.core.windows.net/container",
        "http://127.0.0.1:10000/devstoreaccount1/container", "http://127.0.0.1:10000", "https://acct.blob.core.windows.net?sig=SECRET"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> oneLake.withServiceEndpoint(bad), bad);
      assertTrue(e.getMessage().contains("endpoint"), e.getMessage());
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
    assertThrows(IllegalStateException.class, () -> StorageLocation.parse("/x").withServiceEndpoint("https://a.blob.core.windows.net"));
  }

  @Test
  void dfsEndpointOfOtherHostsIsUnchanged() {
    assertEquals("https://acct.dfs.core.windows.net", StorageLocation.parse("https://acct.blob.core.windows.net/c").dfsEndpoint());
    assertEquals("https://acct.dfs.core.windows.net", StorageLocation.parse("https://acct.dfs.core.windows.net/c").dfsEndpoint());
    assertEquals("https://storage.example.com", StorageLocation.parse("https://storage.example.com/c").dfsEndpoint());
  }

  private static void assertMessage(String location, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageLocation.parse(location), location);
    assertTrue(e.getMessage().contains(expected), location + ": " + e.getMessage());
  }
}
