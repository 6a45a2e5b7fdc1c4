package org.opencollab.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;

/**
 * Coverage settings of the process test classes: 100 % of the flow nodes and sequence flows of one
 * process.
 */
public final class ProcessCoverage {

  /** Harness processes and the processes another test class measures. */
  private static final List<String> HARNESS =
      List.of("incentiveDelegatesProbe", "lossDelegateProbe", "authorizationProbe");

  private ProcessCoverage() {}

  public static ProcessEngineCoverageProperties completeCoverageExcluding(
      String... otherProcesses) {
    List<String> excluded = new ArrayList<>(HARNESS);
    excluded.addAll(List.of(otherProcesses));
    return ProcessEngineCoverageProperties.builder()
        .excludeProcessDefinitionKeys(excluded.toArray(String[]::new))
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
