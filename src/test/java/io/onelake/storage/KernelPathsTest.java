/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelPathsTest {
  @Test
  void decodesKernelTargetDirectoryOnce() {
    assertEquals("file:/tmp/Sales Data.Lakehouse/Tables/t/city=a b%2Fc",
        KernelPaths.decodeTargetDirectory("file:/tmp/Sales%20Data.Lakehouse/Tables/t/city=a%20b%252Fc"));
    assertEquals("http://127.0.0.1:1/acct/c/Lake/Tables/t/city=Zürich",
        KernelPaths.decodeTargetDirectory("http://127.0.0.1:1/acct/c/Lake/Tables/t/city=Zürich"));
    assertEquals("https://a.blob.core.windows.net/c/x y",
        KernelPaths.decodeTargetDirectory("https://a.blob.core.windows.net/c/x%20y"));
    assertEquals("file:/tmp/not a uri", KernelPaths.decodeTargetDirectory("file:/tmp/not a uri"));
  }
}
