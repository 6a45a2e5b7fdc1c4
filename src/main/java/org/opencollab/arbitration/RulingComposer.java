package org.opencollab.arbitration;

import static org.opencollab.arbitration.ArbitrationVariables.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedAnswers.Answer;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Service task {@code ComposeRuling}: writes {@code ruling} Json, {@code {"option", "decidedBy",
 * "tally", "text", "adjustedShares", "adjustedCommitments", "decidedAt"}}, which goes to the
 * opportunity: how many votes each option got, never who voted what. A resolved mediation has
 * option {@code RESOLVED} and no tally. The committee's sealed ballots are gathered here into the
 * dispute's {@code votes}, which only oversight reads.
 */
@Component("composeRuling")
public class RulingComposer implements JavaDelegate {

  public static final String MEDIATED = "RESOLVED";

  @Override
  public void execute(DelegateExecution execution) {
    ObjectNode ruling = JsonVariables.object(null);
    if (Boolean.TRUE.equals(execution.getVariable(MEDIATION_RESOLVED))) {
      ruling.put("option", MEDIATED).put("decidedBy", "MEDIATION");
      ruling.put("text", (String) execution.getVariable(RESOLUTION));
    } else if (execution.getVariable(CHAIR_OPTION) != null) {
      ruling.put("option", (String) execution.getVariable(CHAIR_OPTION)).put("decidedBy", "CHAIR");
      ruling.put("text", (String) execution.getVariable(RULING_TEXT));
    } else {
      ruling
          .put("option", (String) execution.getVariable(MAJORITY_OPTION))
          .put("decidedBy", "COMMITTEE");
      ruling.put("text", (String) execution.getVariable(RULING_TEXT));
    }
    List<Answer> ballots = SealedAnswers.of(execution.getProcessInstanceId(), VoteCast.BALLOT);
    if (!ballots.isEmpty()) {
      execution.setVariable(VOTES, JsonVariables.value(VoteCast.votes(ballots)));
    }
    Object tally = execution.getVariable(TALLY);
    ruling.set("tally", tally == null ? null : JsonVariables.object(tally));
    ruling.set(
        "adjustedShares",
        ArbitrationRules.hasAdjustedShares(execution.getVariable(ADJUSTED_SHARES))
            ? VariableReader.of(execution::getVariable).jsonObject(ADJUSTED_SHARES)
            : null);
    ruling.set(
        "adjustedCommitments",
        ArbitrationRules.hasAdjustedShares(execution.getVariable(ADJUSTED_COMMITMENTS))
            ? VariableReader.of(execution::getVariable).jsonObject(ADJUSTED_COMMITMENTS)
            : null);
    ruling.put(
        "decidedAt", DateTimeFormatter.ISO_INSTANT.format(ClockUtil.getCurrentTime().toInstant()));
    execution.setVariable(RULING, JsonVariables.value(ruling));
  }
}
