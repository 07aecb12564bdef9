/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.testing;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A lakehouse on one backend for tests: how to connect (session time zone UTC) and which files a table
 * has, listed from the storage itself rather than through the driver.
 */
public interface TestLake {
  ObjectMapper JSON = new ObjectMapper();

  Connection connect() throws SQLException;

  /** Names of the commit files ({@code NNN.json}) in the table's _delta_log. */
  Set<String> commits(String table);

  /** Names of the Parquet data files under the table folder (excluding _delta_log). */
  Set<String> dataFiles(String table);

  /** The text of a file of the table's _delta_log. */
  String readLog(String table, String name);

  /**
   * The data files of the table's latest version: added and not removed by its commits (for tables
   * without a checkpoint: fewer commits than {@code delta.checkpointInterval}).
   */
  default Set<String> liveFiles(String table) {
    Set<String> live = new TreeSet<>();
    for (String commit : commits(table)) {
      for (String line : readLog(table, commit).split("\n")) {
        try {
          JsonNode action = JSON.readTree(line);
          if (action.has("add")) {
            live.add(URI.create(action.get("add").get("path").asText()).getPath());
          } else if (action.has("remove")) {
            live.remove(URI.create(action.get("remove").get("path").asText()).getPath());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return live;
  }

  /** A lakehouse in a local folder. */
  static TestLake local(Path root) {
    return new TestLake() {
      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:onelake:file:" + root + ";timeZone=UTC");
      }

      @Override
      public Set<String> commits(String table) {
        return list(root.resolve("Tables").resolve(table).resolve("_delta_log"), false);
      }

      @Override
      public Set<String> dataFiles(String table) {
        return list(root.resolve("Tables").resolve(table), true);
      }

      @Override
      public String readLog(String table, String name) {
        try {
          return Files.readString(root.resolve("Tables").resolve(table).resolve("_delta_log").resolve(name));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      private Set<String> list(Path folder, boolean parquet) {
        if (!Files.isDirectory(folder)) {
          return Set.of();
        }
        Set<String> names = new TreeSet<>();
        try {
          Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String rel = folder.relativize(file).toString().replace('\\', '/');
              if (parquet ? rel.endsWith(".parquet") && !rel.startsWith("_delta_log/")
                  : rel.matches("\\d{20}\\.json")) {
                names.add(rel);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // a writer's temporary file, renamed meanwhile
            }
          });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return names;
      }
    };
  }

  /** A lakehouse named {@code lakehouse} in a new Azurite container whose name starts with {@code prefix}. */
  static TestLake azurite(AzuriteProcess azurite, String prefix) {
    String containerUrl = azurite.newContainerUrl(prefix);
    BlobContainerClient container = new BlobContainerClientBuilder().endpoint(containerUrl)
        .credential(new StorageSharedKeyCredential(azurite.accountName(), azurite.accountKey()))
        .buildClient();
    return new TestLake() {
      @Override
      public Connection connect() throws SQLException {
        Properties info = new Properties();
        info.setProperty("accountName", azurite.accountName());
        info.setProperty("accountKey", azurite.accountKey());
        info.setProperty("timeZone", "UTC");
        return DriverManager.getConnection("jdbc:onelake:" + containerUrl + "/lakehouse", info);
      }

      @Override
      public Set<String> commits(String table) {
        Set<String> names = new TreeSet<>();
        for (String rel : list("lakehouse/Tables/" + table + "/_delta_log/")) {
          if (rel.matches("\\d{20}\\.json")) {
            names.add(rel);
          }
        }
        return names;
      }

      @Override
      public Set<String> dataFiles(String table) {
        Set<String> names = new TreeSet<>();
        for (String rel : list("lakehouse/Tables/" + table + "/")) {
          if (rel.endsWith(".parquet") && !rel.startsWith("_delta_log/")) {
            names.add(rel);
          }
        }
        return names;
      }

      @Override
      public String readLog(String table, String name) {
        return container.getBlobClient("lakehouse/Tables/" + table + "/_delta_log/" + name)
            .downloadContent().toString();
      }

      private Set<String> list(String prefix) {
        Set<String> names = new TreeSet<>();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
          names.add(item.getName().substring(prefix.length()));
        }
        return names;
      }
    };
  }
}
