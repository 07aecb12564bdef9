/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Azurite for the whole test run and injects it as an {@link AzuriteProcess} parameter.
 * The instance lives in the root store; JUnit closes {@link AutoCloseable} store values when the run
 * ends, which stops the node process.
 */
public final class AzuriteExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AzuriteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    azurite(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == AzuriteProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return azurite(extensionContext);
  }

  private static AzuriteProcess azurite(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("azurite", key -> AzuriteProcess.start(), AzuriteProcess.class);
  }
}
