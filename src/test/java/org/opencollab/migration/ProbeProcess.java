package org.opencollab.migration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A two-step process of the tests' own, {@code migrationProbe}, whose second version has the
 * waiting step under another id: Camunda cannot move an instance waiting there without a mapping.
 */
final class ProbeProcess {

  static final String KEY = "migrationProbe";
  static final String OLD_STEP = "CheckOffer";
  static final String NEW_STEP = "ReviewOffer";

  private ProbeProcess() {}

  /** Version 1, waiting at {@code CheckOffer}; then version 2, waiting at {@code ReviewOffer}. */
  static ProcessDefinition[] deployTwoVersions(ProcessEngine engine) {
    ProcessDefinition first = deploy(engine, OLD_STEP, "Check the offer", "核对报价");
    ProcessDefinition second = deploy(engine, NEW_STEP, "Review the offer", "审核报价");
    return new ProcessDefinition[] {first, second};
  }

  private static ProcessDefinition deploy(
      ProcessEngine engine, String stepId, String name, String chinese) {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="http://opencollab.org/test">
          <process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1"
              camunda:versionTag="probe">
            <startEvent id="Start"/>
            <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="%2$s"/>
            <userTask id="%2$s" name="%3$s">
              <extensionElements>
                <camunda:properties><camunda:property name="name-zh" value="%4$s"/></camunda:properties>
              </extensionElements>
            </userTask>
            <sequenceFlow id="Flow_2" sourceRef="%2$s" targetRef="End"/>
            <endEvent id="End"/>
          </process>
        </definitions>"""
            .formatted(KEY, stepId, name, chinese);
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("migration-probe")
            .addString(KEY + ".bpmn", bpmn)
            .deploy()
            .getId();
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .deploymentId(deployment)
        .singleResult();
  }
}
