/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link AzuriteExtension} for the Azurite that serves HTTPS with a generated certificate and
 * accepts bearer tokens ({@code --oauth basic}); see {@link AzuriteProcess#startHttpsWithOAuth()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HttpsOAuth {}
