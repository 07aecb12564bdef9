/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzuriteProcessTest {
  @Test
  void missingInstallationFailsWithInstructions(@TempDir Path empty) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> AzuriteProcess.start(empty, List.of()));
    assertTrue(e.getMessage().startsWith("Azurite not installed at " + empty), e.getMessage());
    assertTrue(e.getMessage().contains("npm ci --prefix test-tools/azurite"), e.getMessage());
  }
}
