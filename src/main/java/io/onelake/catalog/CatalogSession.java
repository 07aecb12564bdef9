/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.time.ZoneId;

/**
 * What the catalog needs to know of the session that owns it; the statement layer reaches the whole
 * session through the root schema with this interface.
 */
public interface CatalogSession {
  LakehouseCatalog catalog();

  /** The session time zone for timestamp text without an offset (SPEC §5). */
  ZoneId timeZone();
}
