/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Azurite for the whole test run and injects it as an {@link AzuriteProcess} parameter;
 * a parameter annotated {@link HttpsOAuth} gets a second, HTTPS instance that accepts bearer tokens,
 * also one per run and started only when first asked for. The instances live in the root store;
 * JUnit closes {@link AutoCloseable} store values when the run ends, which stops the node processes.
 */
public final class AzuriteExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AzuriteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    // Only the plain instance is started eagerly; the HTTPS one when a parameter asks for it.
    azurite(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == AzuriteProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (parameterContext.isAnnotated(HttpsOAuth.class)) {
      return extensionContext.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent("azurite-https-oauth", key -> AzuriteProcess.startHttpsWithOAuth(), AzuriteProcess.class);
    }
    return azurite(extensionContext);
  }

  private static AzuriteProcess azurite(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("azurite", key -> AzuriteProcess.start(), AzuriteProcess.class);
  }
}
