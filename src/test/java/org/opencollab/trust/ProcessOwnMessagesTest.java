package org.opencollab.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.support.OpportunityDriver.keyAccount;
import static org.opencollab.support.OpportunityDriver.newOpportunityId;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.opencollab.support.OpportunityDriver;
import org.opencollab.support.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The messages a process sends itself (a late step, its end, customer feedback) come from the
 * process only: sent over REST, correlated or delivered to a waiting execution, even by olivia, a
 * process owner and administrator, they are refused with 403 and open nothing.
 */
@ApplicationTest
class ProcessOwnMessagesTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aLateStepOrCustomerFeedbackCannotBeSentFromOutside() {
    RestClient rest = new RestClient("http://localhost:" + port);
    String id = newOpportunityId();
    ProcessInstance opportunity = new OpportunityDriver(engine).start(keyAccount(id));

    for (String message : new String[] {"StepLate", "LateStepDone", "CustomerFeedback"}) {
      HttpResponse<String> correlated =
          rest.postJson(
              "/engine-rest/message",
              "olivia",
              "{\"messageName\": \"" + message + "\", \"businessKey\": \"" + id + "\"}");
      assertThat(correlated.statusCode()).as(message + ": " + correlated.body()).isEqualTo(403);
      assertThat(correlated.body()).contains("is sent by the process itself");
    }
    Execution waiting =
        engine
            .getRuntimeService()
            .createExecutionQuery()
            .processInstanceId(opportunity.getId())
            .messageEventSubscriptionName("StepLate")
            .singleResult();
    HttpResponse<String> triggered =
        rest.postJson(
            "/engine-rest/execution/" + waiting.getId() + "/messageSubscriptions/StepLate/trigger",
            "olivia",
            "{}");
    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(403);

    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(opportunity.getId())
                .taskDefinitionKeyIn("FollowUpLateStep", "AnswerCustomerFeedback")
                .count())
        .isZero();
  }
}
