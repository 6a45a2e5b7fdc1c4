package org.opencollab.support;

import org.camunda.bpm.engine.RepositoryService;

/** The test harness processes under {@code src/test/resources/bpmn/}, deployed once per engine. */
public final class TestProcesses {

  private TestProcesses() {}

  /** Deploys {@code bpmn/<processKey>.bpmn} unless a process with that key is already deployed. */
  public static void deployOnce(RepositoryService repositoryService, String processKey) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count()
        == 0) {
      repositoryService
          .createDeployment()
          .addClasspathResource("bpmn/" + processKey + ".bpmn")
          .deploy();
    }
  }
}
