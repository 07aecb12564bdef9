/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import io.delta.kernel.expressions.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/** Planner rules that push column projection and file-skipping filters into {@link DeltaTableScan}. */
final class DeltaScanRules {
  static final RelOptRule PROJECT = new ProjectIntoScan();
  static final RelOptRule FILTER = new FilterIntoScan();
  static final RelOptRule LIMIT = new LimitIntoScan();

  private DeltaScanRules() {}

  /** Project(scan) reads only the columns the projection uses. */
  private static final class ProjectIntoScan extends RelOptRule {
    ProjectIntoScan() {
      super(operand(Project.class, operand(DeltaTableScan.class, none())), "DeltaProjectIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      DeltaTableScan scan = call.rel(1);
      if (scan.hasProjects()) {
        return;
      }
      int fieldCount = scan.getRowType().getFieldCount();
      // The scan's own timestamp conditions need their columns read too.
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null)
          .union(scan.timestampConditionColumns());
      if (used.cardinality() == fieldCount) {
        return;
      }
      if (used.isEmpty()) {
        // COUNT(*) and the like still need one row per table row; read the cheapest column:
        // a partition column comes from the log, not from the data files.
        used = ImmutableBitSet.of(DeltaTableScan.cheapestColumn(scan.deltaTable()));
      }
      List<Integer> kept = used.asList();
      int[] ordinals = new int[kept.size()];
      for (int i = 0; i < ordinals.length; i++) {
        ordinals[i] = kept.get(i);
      }
      Mappings.TargetMapping mapping = Mappings.target(kept, fieldCount);
      DeltaTableScan narrowed = scan.withProjects(ordinals, mapping);
      RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);
      List<RexNode> remapped = shuttle.visitList(project.getProjects());
      RelBuilder builder = call.builder();
      builder.push(narrowed).project(remapped, project.getRowType().getFieldNames(), true);
      call.transformTo(builder.build());
    }
  }

  /**
   * Sort(fetch) without ordering directly above the scan: the scan stops after offset + fetch rows
   * instead of opening one more file to find out there are more. The Sort stays and still applies.
   */
  private static final class LimitIntoScan extends RelOptRule {
    LimitIntoScan() {
      super(operand(Sort.class, operand(DeltaTableScan.class, none())), "DeltaLimitIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Sort sort = call.rel(0);
      DeltaTableScan scan = call.rel(1);
      if (scan.hasLimit() || sort.fetch == null || !sort.getCollation().getFieldCollations().isEmpty()
          || !(sort.fetch instanceof RexLiteral)
          || (sort.offset != null && !(sort.offset instanceof RexLiteral))) {
        return;
      }
      long rows = RexLiteral.longValue(sort.fetch)
          + (sort.offset == null ? 0 : RexLiteral.longValue(sort.offset));
      call.transformTo(sort.copy(sort.getTraitSet(), scan.withLimit(rows), sort.getCollation(),
          sort.offset, sort.fetch));
    }
  }


  /**
   * Filter(scan) also hands what Kernel can use for skipping to the scan; the Filter stays, except for
   * comparisons of timestamp columns with literals, which the scan applies with microseconds
   * ({@link TimestampCondition}).
   */
  private static final class FilterIntoScan extends RelOptRule {
    FilterIntoScan() {
      super(operand(Filter.class, operand(DeltaTableScan.class, none())), "DeltaFilterIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      DeltaTableScan scan = call.rel(1);
      if (scan.hasFilter() || scan.hasTimestampConditions()) {
        return;
      }
      RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
      Optional<Predicate> predicate = RexToKernelPredicate.convert(rexBuilder, filter.getCondition(), scan);
      List<TimestampCondition> exact = new ArrayList<>();
      List<RexNode> residual = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(RexUtil.expandSearch(rexBuilder, null,
          filter.getCondition()))) {
        Optional<TimestampCondition> condition = TimestampCondition.of(conjunct, scan.getRowType());
        if (condition.isPresent()) {
          exact.add(condition.get());
        } else {
          residual.add(conjunct);
        }
      }
      if (predicate.isEmpty() && exact.isEmpty()) {
        return;
      }
      DeltaTableScan filtered = predicate.map(scan::withFilter).orElse(scan);
      if (exact.isEmpty()) {
        call.transformTo(filter.copy(filter.getTraitSet(), filtered, filter.getCondition()));
        return;
      }
      filtered = filtered.withTimestampConditions(exact);
      call.transformTo(residual.isEmpty() ? filtered : filter.copy(filter.getTraitSet(), filtered,
          RexUtil.composeConjunction(rexBuilder, residual)));
    }
  }
}
