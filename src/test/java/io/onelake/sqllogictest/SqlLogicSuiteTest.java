/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code test-sql/**}{@code /*.test} file against both backends: a local lakehouse folder and
 * a lakehouse in Azurite (Blob API). Each file gets a fresh, empty lakehouse.
 */
@ExtendWith(AzuriteExtension.class)
class SqlLogicSuiteTest {
  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicNode> local() {
    return SqlLogicTests.dynamicTests(SqlLogicTestFiles.defaultRoot(), "local", file -> {
      Path lakehouse = Files.createTempDirectory(temp, "lakehouse");
      return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse + ";timeZone=UTC");
    }, Map.of());
  }

  @TestFactory
  Stream<DynamicNode> azurite(AzuriteProcess azurite) {
    return SqlLogicTests.dynamicTests(SqlLogicTestFiles.defaultRoot(), "azurite", file -> {
      Properties properties = new Properties();
      properties.setProperty("accountName", azurite.accountName());
      properties.setProperty("accountKey", azurite.accountKey());
      properties.setProperty("timeZone", "UTC");
      return DriverManager.getConnection(
          "jdbc:onelake:" + azurite.newContainerUrl("slt") + "/lakehouse", properties);
    }, Map.of());
  }
}
