/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.onelake.catalog.MicrosTimestampTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * A UNION, INTERSECT or EXCEPT of a table's timestamp column (carried as Timestamp objects, see
 * {@link MicrosTimestampTypes}) with any other TIMESTAMP yields a plain TIMESTAMP, whose runtime value
 * is a {@code long}; but Calcite hands the inputs' values on without converting them, and code reading
 * the result would fail on the objects. This pass casts such inputs to the result type first. It runs on
 * the plan before optimization, so every alternative the planner derives (e.g. INTERSECT as an
 * aggregated UNION) starts from converted inputs.
 */
final class TimestampSetOps extends RelShuttleImpl {
  private final RexShuttle subQueries = new RexShuttle() {
    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      return subQuery.clone(subQuery.rel.accept(TimestampSetOps.this));
    }
  };

  static RelNode castInputs(RelNode plan) {
    return plan.accept(new TimestampSetOps());
  }

  /** Every node's visit ends here (inputs first). */
  @Override
  protected RelNode visitChildren(RelNode rel) {
    RelNode visited = super.visitChildren(rel).accept(subQueries);
    return visited instanceof SetOp ? castInputs((SetOp) visited) : visited;
  }

  private static RelNode castInputs(SetOp setOp) {
    List<RelDataTypeField> resultFields = setOp.getRowType().getFieldList();
    RexBuilder rexBuilder = setOp.getCluster().getRexBuilder();
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : setOp.getInputs()) {
      List<RelDataTypeField> fields = input.getRowType().getFieldList();
      List<RexNode> projects = new ArrayList<>();
      boolean cast = false;
      for (int i = 0; i < fields.size(); i++) {
        RexNode ref = rexBuilder.makeInputRef(input, i);
        RelDataType resultType = resultFields.get(i).getType();
        if (MicrosTimestampTypes.isMicrosTimestamp(fields.get(i).getType())
            && !MicrosTimestampTypes.isMicrosTimestamp(resultType)) {
          ref = rexBuilder.makeAbstractCast(resultType, ref, false);
          cast = true;
        }
        projects.add(ref);
      }
      // Not through RelBuilder: its simplifier drops the cast as lossless, yet it converts the value.
      inputs.add(cast ? LogicalProject.create(input, List.of(), projects,
          input.getRowType().getFieldNames()) : input);
      changed |= cast;
    }
    return changed ? setOp.copy(setOp.getTraitSet(), inputs) : setOp;
  }
}
