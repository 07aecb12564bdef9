/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.onelake.exec.QueryRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * A query a command runs, prepared through Calcite: its signature, its rows, and for each of its
 * {@code ?} (in the query's order) the index the parameter has in the user's statement.
 */
record PreparedQuery(CalcitePrepare.CalciteSignature<Object> signature, QueryRows rows,
    List<Integer> parameterIndexes) {
  PreparedQuery {
    requireNonNull(signature, "signature");
    requireNonNull(rows, "rows");
    parameterIndexes = List.copyOf(parameterIndexes);
  }

  /** The parameters of a statement whose {@code ?} are spread over these queries, in its order. */
  static List<AvaticaParameter> parameters(List<PreparedQuery> queries) {
    List<AvaticaParameter> parameters = new ArrayList<>();
    for (PreparedQuery query : queries) {
      List<AvaticaParameter> own = query.signature().parameters;
      for (int i = 0; i < own.size(); i++) {
        int index = query.parameterIndexes().get(i);
        while (parameters.size() <= index) {
          parameters.add(null);
        }
        if (parameters.get(index) == null) {
          parameters.set(index, own.get(i));
        }
      }
    }
    if (parameters.contains(null)) {
      throw new IllegalStateException("a parameter of the statement is in none of its queries");
    }
    return Collections.unmodifiableList(parameters);
  }
}
