/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The background warm-up: a daemon thread that leaves no thread and no folder behind. */
class DriverWarmupTest {
  @Test
  void warmUpThreadIsADaemon() throws Exception {
    Class.forName(OneLakeDriver.class.getName());
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("onelake-warmup")) {
        assertTrue(thread.isDaemon());
        thread.join(120_000);
      }
    }
  }

  @Test
  void warmUpLeavesNoNonDaemonThreadsBehind() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    DriverWarmup.run();
    List<String> left = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
        .map(Thread::getName)
        .collect(Collectors.toList());
    assertEquals(List.of(), left);
  }
}
