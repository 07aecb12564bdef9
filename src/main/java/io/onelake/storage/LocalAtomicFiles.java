/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing a fully written temporary file under its final name, so that readers never see a
 * partial file and, without overwrite, exactly one of several racing writers wins.
 */
final class LocalAtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(LocalAtomicFiles.class);

  private LocalAtomicFiles() {}

  /**
   * A new empty hidden file next to {@code target}: the same directory keeps the final link or
   * rename on one file system, and the leading dot keeps it out of Kernel's log listings (whose
   * names must parse as versions anyway).
   */
  static Path newTempFile(Path target) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    return Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
  }

  /**
   * Gives {@code temp}'s content the name {@code target}. Without overwrite this is put-if-absent:
   * a hard link fails atomically with {@link FileAlreadyExistsException} if the target exists, while
   * a rename (POSIX {@code rename(2)}) would silently replace it. With overwrite it is an atomic
   * rename. The caller deletes {@code temp} afterwards (a no-op after a rename).
   */
  static void publish(Path temp, Path target, boolean overwrite) throws IOException {
    if (overwrite) {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(target.toString());
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof FileSystemException && Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      // Hard links are unavailable (some network or FAT file systems): a move without
      // REPLACE_EXISTING checks for the target first, which leaves a tiny race window.
      LOG.debug("hard link not supported for {}, falling back to move: {}", target, e.toString());
      Files.move(temp, target);
    }
  }
}
