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
}
