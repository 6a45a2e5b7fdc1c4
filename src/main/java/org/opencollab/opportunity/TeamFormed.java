package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.INVOLVED_DEPARTMENTS;
import static org.opencollab.opportunity.OpportunityVariables.TEAM_MEMBER_IDS;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * {@code FormTeam} complete listener: records the involved departments and the member ids, the
 * lists the per-department and per-member tasks run over.
 */
@Component("teamFormed")
public class TeamFormed implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Team team = Team.read(VariableReader.of(task::getVariable));
    task.getExecution().setVariable(INVOLVED_DEPARTMENTS, new ArrayList<>(team.departments()));
    task.getExecution().setVariable(TEAM_MEMBER_IDS, new ArrayList<>(team.userIds()));
  }
}
