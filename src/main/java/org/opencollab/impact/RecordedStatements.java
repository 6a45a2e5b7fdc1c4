package org.opencollab.impact;

import static org.opencollab.opportunity.OpportunityVariables.COORDINATOR_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.DEPARTMENT_SHARES;
import static org.opencollab.opportunity.OpportunityVariables.INCENTIVE_POLICY;
import static org.opencollab.opportunity.OpportunityVariables.LOSS_AMOUNT;
import static org.opencollab.opportunity.OpportunityVariables.OPPORTUNITY_ID;
import static org.opencollab.opportunity.OpportunityVariables.PEER_RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.RATINGS;
import static org.opencollab.opportunity.OpportunityVariables.REALIZED_REVENUE;
import static org.opencollab.opportunity.OpportunityVariables.SPONSOR_RATINGS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opencollab.confidential.SealedAnswers;
import org.opencollab.confidential.SealedStep;
import org.opencollab.incentive.IncentiveCalculator;
import org.opencollab.incentive.IncentiveInput;
import org.opencollab.incentive.IncentivePolicy;
import org.opencollab.incentive.SettlementInputs;
import org.opencollab.ledger.Ledger;
import org.opencollab.loss.AllocateLossDelegate;
import org.opencollab.loss.LossAllocator;
import org.opencollab.loss.LossInput;
import org.opencollab.opportunity.PeersEvaluated;
import org.opencollab.opportunity.Team;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statements of a period as the ledger recorded them, and each one computed again by the
 * product's own calculations ({@link IncentiveCalculator}, {@link LossAllocator}) from what its
 * opportunity's history holds, with another policy: the revenue or loss, the shares, the team, the
 * reported input, and the team's ratings as the calculation read them (the variable where a process
 * owner gave one, else the sealed answers).
 */
@Component
public class RecordedStatements {

  /** A statement of the ledger: its process instance, and its money as recorded. */
  public record Entry(String processInstanceId, Statement recorded) {}

  private static final Map<String, SealedStep> SEALED =
      Map.of(
          PEER_RATINGS, PeersEvaluated.EVALUATION,
          SPONSOR_RATINGS, PeersEvaluated.SPONSOR_RATING,
          COORDINATOR_RATINGS, PeersEvaluated.COORDINATOR_RATING);

  private final JdbcTemplate ledger;
  private final ProcessEngine engine;
  private final SealedAnswers sealed;

  public RecordedStatements(DataSource dataSource, ProcessEngine engine, SealedAnswers sealed) {
    this.ledger = new JdbcTemplate(dataSource);
    this.engine = engine;
    this.sealed = sealed;
  }

  /** The ledger's entries recorded from {@code from} until before {@code until} (null: open). */
  public List<Entry> inPeriod(Instant from, Instant until) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (from != null) {
      where.append(" AND E.RECORDED_ >= ?");
      arguments.add(Timestamp.from(from));
    }
    if (until != null) {
      where.append(" AND E.RECORDED_ < ?");
      arguments.add(Timestamp.from(until));
    }
    Object[] args = arguments.toArray();
    Map<String, String[]> heads = new LinkedHashMap<>();
    ledger.query(
        "SELECT E.ENTRY_ID_, E.KIND_, E.OPPORTUNITY_ID_, E.PROC_INST_ID_ FROM COLLAB_LEDGER_ENTRY E"
            + where
            + " ORDER BY E.RECORDED_, E.ENTRY_ID_",
        row -> {
          heads.put(
              row.getString(1),
              new String[] {row.getString(2), row.getString(3), row.getString(4)});
        },
        args);
    Map<String, TreeMap<String, Statement.Department>> departments = new HashMap<>();
    ledger.query(
        "SELECT D.ENTRY_ID_, D.DEPARTMENT_, D.KPI_CREDIT_, D.POOL_, D.LOSS_"
            + " FROM COLLAB_LEDGER_DEPARTMENT D JOIN COLLAB_LEDGER_ENTRY E"
            + " ON E.ENTRY_ID_ = D.ENTRY_ID_"
            + where,
        row -> {
          departments
              .computeIfAbsent(row.getString(1), ignored -> new TreeMap<>())
              .put(
                  row.getString(2),
                  new Statement.Department(
                      row.getBigDecimal(3).setScale(2),
                      row.getBigDecimal(4).setScale(2),
                      row.getBigDecimal(5).setScale(2)));
        },
        args);
    Map<String, TreeMap<String, Statement.Person>> people = new HashMap<>();
    ledger.query(
        "SELECT P.ENTRY_ID_, P.USER_ID_, P.DEPARTMENT_, P.BONUS_, P.STAR_, P.PROMOTION_POINTS_,"
            + " P.FREE_RIDER_ FROM COLLAB_LEDGER_PERSON P JOIN COLLAB_LEDGER_ENTRY E"
            + " ON E.ENTRY_ID_ = P.ENTRY_ID_"
            + where,
        row -> {
          Statement.Person person =
              new Statement.Person(
                  row.getString(2),
                  row.getString(3),
                  row.getBigDecimal(4).setScale(2),
                  row.getBoolean(5),
                  row.getInt(6),
                  row.getBoolean(7));
          people
              .computeIfAbsent(row.getString(1), ignored -> new TreeMap<>())
              .put(Statement.personKey(person.userId(), person.department()), person);
        },
        args);
    List<Entry> entries = new ArrayList<>();
    heads.forEach(
        (entry, head) ->
            entries.add(
                new Entry(
                    head[2],
                    new Statement(
                        head[1],
                        head[0],
                        departments.getOrDefault(entry, new TreeMap<>()),
                        people.getOrDefault(entry, new TreeMap<>())))));
    return entries;
  }

  /**
   * The statement of {@code entry} computed again with {@code policy}, the outputs of the edited
   * {@code incentivePolicy}.
   *
   * @throws RuntimeException naming the variable, when its opportunity's history lacks an input
   */
  public Statement recompute(Entry entry, Map<String, Object> policy) {
    Map<String, Object> variables = variables(entry.processInstanceId());
    VariableReader reader =
        VariableReader.of(
            name -> {
              if (INCENTIVE_POLICY.equals(name)) {
                return policy;
              }
              if (SEALED.containsKey(name) && variables.get(name) == null) {
                return ratings(entry.processInstanceId(), SEALED.get(name));
              }
              return variables.get(name);
            });
    String kind = entry.recorded().kind();
    IncentivePolicy edited = SettlementInputs.policy(reader);
    if (Ledger.LOSS.equals(kind)) {
      return Statement.of(
          new LossAllocator()
              .allocate(
                  new LossInput(
                      reader.requiredString(OPPORTUNITY_ID),
                      reader.money(LOSS_AMOUNT),
                      reader.integerMap(DEPARTMENT_SHARES),
                      AllocateLossDelegate.departmentInputs(reader),
                      Team.read(reader).members(),
                      SettlementInputs.ratings(reader),
                      edited)),
          kind);
    }
    return Statement.of(
        new IncentiveCalculator()
            .calculate(
                new IncentiveInput(
                    reader.requiredString(OPPORTUNITY_ID),
                    reader.money(REALIZED_REVENUE),
                    reader.integerMap(DEPARTMENT_SHARES),
                    Team.read(reader).members(),
                    SettlementInputs.ratings(reader),
                    edited)),
        kind);
  }

  /** Whether the opportunity's model version rated its team on a loss (it had a policy then). */
  public boolean hadPolicy(Entry entry) {
    return variables(entry.processInstanceId()).get(INCENTIVE_POLICY) != null;
  }

  /** The process instance's own variables (not those of its tasks or sub-scopes), as they ended. */
  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable :
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .list()) {
      if (processInstanceId.equals(variable.getExecutionId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /** The ratings sealed in {@code step}: {@code {rater: {ratee: score}}}. */
  private String ratings(String processInstanceId, SealedStep step) {
    ObjectNode ratings = JsonVariables.object(null);
    for (SealedAnswers.Answer answer : sealed.read(processInstanceId, step.step())) {
      ObjectNode given = ratings.putObject(answer.person());
      VariableReader.of(answer::value).integerMap(RATINGS).forEach(given::put);
    }
    return ratings.toString();
  }
}
