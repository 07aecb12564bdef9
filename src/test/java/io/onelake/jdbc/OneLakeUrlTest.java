/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.OneLakeException;
import io.onelake.storage.StorageLocation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OneLakeUrlTest {
  private static OneLakeUrl parse(String url) {
    return OneLakeUrl.parse(url, new Properties());
  }

  @Test
  void fileAbsoluteWithOneSlash() {
    OneLakeUrl url = parse("jdbc:onelake:file:/abs/lake");
    assertEquals("file:/abs/lake", url.location());
    assertEquals(Map.of(), url.properties());
    StorageLocation location = StorageLocation.parse(url.location());
    assertEquals(StorageLocation.Kind.LOCAL, location.kind());
    assertEquals(Paths.get("/abs/lake"), location.root());
    assertEquals("lake", location.displayName());
  }

  @Test
  void fileAbsoluteWithThreeSlashes() {
    OneLakeUrl url = parse("jdbc:onelake:file:///abs/lake");
    assertEquals("file:///abs/lake", url.location());
    assertEquals(Paths.get("/abs/lake"), StorageLocation.parse(url.location()).root());
  }

  @Test
  void fileRelativeResolvesAgainstWorkingDirectory() {
    OneLakeUrl url = parse("jdbc:onelake:file:./rel/lake");
    assertEquals("file:./rel/lake", url.location());
    Path expected = Paths.get("").toAbsolutePath().resolve("rel/lake").normalize();
    assertEquals(expected, StorageLocation.parse(url.location()).root());
  }

  @Test
  void azuritePathStyleUrl() {
    OneLakeUrl url = parse("jdbc:onelake:http://127.0.0.1:10000/devstoreaccount1/c/lake");
    assertEquals("http://127.0.0.1:10000/devstoreaccount1/c/lake", url.location());
    StorageLocation location = StorageLocation.parse(url.location());
    assertEquals(StorageLocation.Kind.BLOB, location.kind());
    assertEquals("http://127.0.0.1:10000/devstoreaccount1", location.serviceEndpoint());
    assertEquals("devstoreaccount1", location.accountName());
    assertEquals("c", location.containerName());
    assertEquals("lake", location.rootPath());
    assertEquals("lake", location.displayName());
  }

  @Test
  void azureBlobVirtualHostUrl() {
    OneLakeUrl url = parse("jdbc:onelake:https://acct.blob.core.windows.net/c/lake");
    assertEquals("https://acct.blob.core.windows.net/c/lake", url.location());
    StorageLocation location = StorageLocation.parse(url.location());
    assertEquals(StorageLocation.Kind.BLOB, location.kind());
    assertEquals("https://acct.blob.core.windows.net", location.serviceEndpoint());
    assertEquals("acct", location.accountName());
    assertEquals("c", location.containerName());
    assertEquals("lake", location.rootPath());
  }

  @Test
  void semicolonProperties() {
    OneLakeUrl url = parse("jdbc:onelake:file:/abs/lake;timeZone=UTC;quoting=backtick");
    assertEquals("file:/abs/lake", url.location());
    assertEquals(Map.of("timeZone", "UTC", "quoting", "backtick"), url.properties());
    assertEquals("UTC", url.get(ConnectionProperty.TIME_ZONE));
  }

  @Test
  void semicolonPropertiesAreNotUrlDecoded() {
    OneLakeUrl url = parse("jdbc:onelake:file:/abs/lake;timeZone=Europe%2FBerlin");
    assertEquals("Europe%2FBerlin", url.get(ConnectionProperty.TIME_ZONE));
  }

  @Test
  void queryPropertiesAreUrlDecoded() {
    OneLakeUrl url = parse(
        "jdbc:onelake:https://acct.blob.core.windows.net/c/lake?timeZone=Europe%2FBerlin&accountKey=a%2Bb%3D%3D");
    assertEquals("https://acct.blob.core.windows.net/c/lake", url.location());
    assertEquals("Europe/Berlin", url.get(ConnectionProperty.TIME_ZONE));
    assertEquals("a+b==", url.get(ConnectionProperty.ACCOUNT_KEY));
    assertEquals(2, url.properties().size());
  }

  @Test
  void propertiesObjectIsMergedAndUrlWins() {
    Properties info = new Properties();
    info.setProperty("timeZone", "Europe/Berlin");
    info.setProperty("quoting", "backtick");
    OneLakeUrl url = OneLakeUrl.parse("jdbc:onelake:file:/abs/lake;timeZone=UTC", info);
    assertEquals("UTC", url.get(ConnectionProperty.TIME_ZONE));
    assertEquals("backtick", url.get(ConnectionProperty.QUOTING));
  }

  @Test
  void urlWinsEvenWhenCaseDiffers() {
    Properties info = new Properties();
    info.setProperty("TIMEZONE", "Europe/Berlin");
    OneLakeUrl url = OneLakeUrl.parse("jdbc:onelake:file:/abs/lake?timezone=UTC", info);
    assertEquals(Map.of("timeZone", "UTC"), url.properties());
  }

  @Test
  void propertyNamesAreCaseInsensitiveAndCanonicalized() {
    OneLakeUrl url = parse("jdbc:onelake:file:/abs/lake;ACCOUNTNAME=me;AccountKey=k;"
        + "ONELAKE_PARQUET_COMPRESSION=zstd");
    assertEquals(Map.of("accountName", "me", "accountKey", "k", "onelake_parquet_compression", "zstd"),
        url.properties());
    assertEquals("me", url.get(ConnectionProperty.ACCOUNT_NAME));
  }

  @Test
  void sessionSettingsAreAcceptedAsProperties() {
    Properties info = new Properties();
    info.setProperty("onelake_target_file_size", "1MB");
    OneLakeUrl url = OneLakeUrl.parse("jdbc:onelake:file:/abs/lake", info);
    assertEquals("1MB", url.properties().get("onelake_target_file_size"));
  }

  @Test
  void unknownUrlPropertyIsNamed() {
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> parse("jdbc:onelake:file:/abs/lake;timeZone=UTC;acountKey=x"));
    assertEquals("08004", e.sqlState());
    assertTrue(e.getMessage().contains("'acountKey'"), e.getMessage());
    assertFalse(e.getMessage().contains("=x"), e.getMessage());
  }

  @Test
  void unknownPropertiesObjectEntryIsNamed() {
    Properties info = new Properties();
    info.setProperty("timeZoen", "UTC");
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> OneLakeUrl.parse("jdbc:onelake:file:/abs/lake", info));
    assertEquals("08004", e.sqlState());
    assertTrue(e.getMessage().contains("timeZoen"), e.getMessage());
  }

  @Test
  void unknownPropertyThroughDriverManagerIsSqlException08004() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:onelake:file:/abs/lake;bogusProperty=1"));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("bogusProperty"), e.getMessage());
  }

  @Test
  void toStringMasksSecrets() {
    Properties info = new Properties();
    info.setProperty("accountKey", "KEYVALUE1");
    info.setProperty("sasToken", "SASVALUE2");
    info.setProperty("accessToken", "TOKENVALUE3");
    info.setProperty("password", "PASSWORDVALUE4");
    info.setProperty("clientSecret", "SECRETVALUE5");
    info.setProperty("accountName", "visibleaccount");
    OneLakeUrl url = OneLakeUrl.parse("jdbc:onelake:https://acct.blob.core.windows.net/c/lake", info);
    String text = url.toString();
    for (String secret : new String[] {"KEYVALUE1", "SASVALUE2", "TOKENVALUE3", "PASSWORDVALUE4",
        "SECRETVALUE5"}) {
      assertFalse(text.contains(secret), text);
    }
    assertTrue(text.startsWith("jdbc:onelake:https://acct.blob.core.windows.net/c/lake"), text);
    assertTrue(text.contains("accountKey=***"), text);
    assertTrue(text.contains("clientSecret=***"), text);
    assertTrue(text.contains("accountName=visibleaccount"), text);
  }

  @Test
  void toStringMasksSecretsGivenInTheUrl() {
    OneLakeUrl url = parse("jdbc:onelake:file:/abs/lake?accountKey=KEYVALUE1&sasToken=sv%3D2020%26sig%3DSIG");
    String text = url.toString();
    assertFalse(text.contains("KEYVALUE1"), text);
    assertFalse(text.contains("SIG"), text);
  }

  @Test
  void displayUrlHasNoProperties() {
    OneLakeUrl semicolon = parse("jdbc:onelake:file:/abs/lake;accountKey=KEYVALUE1;timeZone=UTC");
    assertEquals("jdbc:onelake:file:/abs/lake", semicolon.displayUrl());
    OneLakeUrl query = parse(
        "jdbc:onelake:http://127.0.0.1:10000/devstoreaccount1/c/lake?accountKey=KEYVALUE1&timeZone=UTC");
    assertEquals("jdbc:onelake:http://127.0.0.1:10000/devstoreaccount1/c/lake", query.displayUrl());
  }

  @Test
  void otherPrefixIsRejected() {
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> parse("jdbc:postgresql://localhost/db"));
    assertTrue(e.sqlState().startsWith("08"), e.sqlState());
  }

  @Test
  void emptyLocationIsRejected() {
    OneLakeException e = assertThrows(OneLakeException.class, () -> parse("jdbc:onelake:;timeZone=UTC"));
    assertTrue(e.sqlState().startsWith("08"), e.sqlState());
  }

  @Test
  void malformedPropertyIsRejected() {
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> parse("jdbc:onelake:file:/abs/lake;timeZone"));
    assertTrue(e.sqlState().startsWith("08"), e.sqlState());
  }

  // --- OneLake, abfss and the endpoint property (issue 5) ---

  private static final String WS = "6f1c2a4e-0b3d-4c5e-8f90-123456789abc";
  private static final String ITEM = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";

  private static StorageLocation location(String url) {
    return SessionFactory.location(parse(url));
  }

  @Test
  void oneLakeWorkspaceUrlByNames() {
    for (String url : new String[] {"jdbc:onelake://Sales/Main.Lakehouse", "jdbc:onelake://Sales/Main",
        "jdbc:onelake://Sales/Main;timeZone=UTC", "jdbc:onelake://Sales/Main?timeZone=UTC"}) {
      OneLakeUrl parsed = parse(url);
      StorageLocation location = SessionFactory.location(parsed);
      assertEquals("https://onelake.blob.fabric.microsoft.com", location.serviceEndpoint(), url);
      assertEquals("https://onelake.dfs.fabric.microsoft.com", location.dfsEndpoint(), url);
      assertEquals("Sales", location.containerName(), url);
      assertEquals("Main.Lakehouse", location.rootPath(), url);
      assertEquals("Main", location.displayName(), url);
      assertTrue(parsed.displayUrl().startsWith("jdbc:onelake://Sales/Main"), parsed.displayUrl());
    }
    assertEquals("Sales Team", location("jdbc:onelake://Sales%20Team/Main").containerName());
  }

  @Test
  void oneLakeWorkspaceUrlByGuids() {
    StorageLocation location = location("jdbc:onelake://" + WS + "/" + ITEM);
    assertEquals(WS, location.containerName());
    assertEquals(ITEM, location.rootPath());
    assertEquals("https://onelake.blob.fabric.microsoft.com", location.serviceEndpoint());
  }

  @Test
  void abfssUrls() {
    StorageLocation adls = location("jdbc:onelake:abfss://lake@acct.dfs.core.windows.net/dir/Sales.Lakehouse;api=dfs");
    assertEquals("https://acct.dfs.core.windows.net", adls.dfsEndpoint());
    assertEquals("acct", adls.accountName());
    assertEquals("lake", adls.containerName());
    assertEquals("dir/Sales.Lakehouse", adls.rootPath());
    assertEquals(location("jdbc:onelake://Sales/Main"),
        location("jdbc:onelake:abfss://Sales@onelake.dfs.fabric.microsoft.com/Main.Lakehouse"));
  }

  @Test
  void endpointPropertyOverridesTheServiceOfOneLakeAndAbfssUrls() {
    StorageLocation regional = location("jdbc:onelake://Sales/Main;endpoint=https://westus-onelake.dfs.fabric.microsoft.com");
    assertEquals("https://westus-onelake.dfs.fabric.microsoft.com", regional.dfsEndpoint());
    assertEquals("Main.Lakehouse", regional.rootPath());
    StorageLocation emulator = location("jdbc:onelake://" + WS + "/" + ITEM + "?endpoint=http%3A%2F%2F127.0.0.1%3A10000%2Fdevstoreaccount1");
    assertEquals("http://127.0.0.1:10000/devstoreaccount1", emulator.serviceEndpoint());
    assertEquals("devstoreaccount1", emulator.accountName());
    StorageLocation adls = location("jdbc:onelake:abfss://lake@acct.dfs.core.windows.net/x;ENDPOINT=https://other.dfs.core.windows.net");
    assertEquals("https://other.blob.core.windows.net", adls.serviceEndpoint());
    assertEquals("x", adls.rootPath());
  }

  @Test
  void badOneLakeUrlsFailWith08001() {
    assertConnectFails("jdbc:onelake://Sales", "08001", "needs a workspace and an item");
    assertConnectFails("jdbc:onelake://Sales/Main.Lakehouse/Tables/t", "08001", "not a folder in it");
    assertConnectFails("jdbc:onelake://" + WS + "/Main", "08001", "either names or GUIDs");
    assertConnectFails("jdbc:onelake:abfss://acct.dfs.core.windows.net/x", "08001", "abfss://<container>@<account>");
    assertConnectFails("jdbc:onelake:abfs://c@acct.dfs.core.windows.net/x", "08001", "use abfss://");
    assertConnectFails("jdbc:onelake:s3://bucket/x", "08001", "unsupported storage location");
  }

  @Test
  void badPropertyValuesFailWith08004AndNameTheProperty() {
    assertConnectFails("jdbc:onelake://Sales/Main;api=ftp", "08004", "Invalid api 'ftp': expected blob or dfs");
    assertConnectFails("jdbc:onelake:file:/abs/lake;api=dfs", "08004", "api=dfs applies to Azure storage URLs");
    assertConnectFails("jdbc:onelake://Sales/Main;endpoint=ftp://x", "08004", "Invalid endpoint");
    assertConnectFails("jdbc:onelake://Sales/Main;endpoint=https://acct.blob.core.windows.net/container",
        "08004", "without container or path");
    assertConnectFails("jdbc:onelake:https://acct.blob.core.windows.net/c/l;endpoint=https://x.blob.core.windows.net",
        "08004", "The endpoint property applies to");
    assertConnectFails("jdbc:onelake:file:/abs/lake;endpoint=https://x.blob.core.windows.net", "08004",
        "The endpoint property applies to");
    assertConnectFails("jdbc:onelake://Sales/Main;auth=kerberos", "08004",
        "Invalid auth 'kerberos': expected one of none, account_key, sas, token, default, service_principal, "
            + "managed_identity, azure_cli, device_code, interactive");
    assertConnectFails("jdbc:onelake://Sales/Main;auth=service_principal;clientId=app;clientSecret=S3CRET-VALUE",
        "08004", "auth=service_principal needs the connection property tenantId");
    assertConnectFails("jdbc:onelake://Sales/Main;auth=service_principal;tenantId=t;clientId=app", "08004",
        "clientSecret (or password) or clientCertificatePath");
    assertConnectFails("jdbc:onelake://Sales/Main;tenantId=t;clientId=app;clientCertificatePath=/no/such/cert.pem",
        "08004", "clientCertificatePath '/no/such/cert.pem' is not a readable file");
    assertConnectFails("jdbc:onelake://Sales/Main;auth=token", "08004", "accessToken");
  }

  @Test
  void userAndPasswordMeanServicePrincipal() {
    Properties info = new Properties();
    info.setProperty("user", "00000000-0000-0000-0000-0000000000aa");
    info.setProperty("password", "PASSWORD-SECRET-1");
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:onelake://Sales/Main", info));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("auth=service_principal needs the connection property tenantId"), e.getMessage());
    assertFalse(e.getMessage().contains("PASSWORD-SECRET-1"), e.getMessage());
  }

  private static void assertConnectFails(String url, String sqlState, String messagePart) {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url), url);
    assertEquals(sqlState, e.getSQLState(), url + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), url + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("S3CRET-VALUE"), e.getMessage());
  }
}
