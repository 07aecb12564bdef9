/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a qualified table name as one string argument of a table function (and back), keeping names
 * that contain dots or quotes intact: {@code ["dbo","orders"]}.
 */
public final class TableNames {
  private TableNames() {}

  public static String encode(List<String> names) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(names.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return out.append(']').toString();
  }

  public static List<String> decode(String encoded) {
    List<String> names = new ArrayList<>();
    if (!encoded.startsWith("[") || !encoded.endsWith("]")) {
      names.add(encoded);
      return names;
    }
    StringBuilder current = null;
    for (int i = 1; i < encoded.length() - 1; i++) {
      char c = encoded.charAt(i);
      if (current == null) {
        if (c == '"') {
          current = new StringBuilder();
        }
      } else if (c == '\\' && i + 1 < encoded.length() - 1) {
        current.append(encoded.charAt(++i));
      } else if (c == '"') {
        names.add(current.toString());
        current = null;
      } else {
        current.append(c);
      }
    }
    return names;
  }
}
