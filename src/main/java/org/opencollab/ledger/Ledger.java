package org.opencollab.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollab.engine.EngineConnection;
import org.opencollab.incentive.IncentiveStatement;
import org.opencollab.loss.LossStatement;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.variables.JsonVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the ledger (docs/auditors.md, "The ledger"): the service tasks <i>Record in ledger</i> of
 * the settlement ({@code RecordIncentivesInLedger} after the approval, {@code RecordLossInLedger}
 * after the allocation; delegates {@link RecordIncentivesInLedger} and {@link RecordLossInLedger})
 * copy the statement into {@code COLLAB_LEDGER_ENTRY} and its department and person lines, on the
 * engine's own connection. The steps are not asynchronous: the entry commits with the approval or
 * with the allocation's job, or not at all.
 *
 * <p>Exactly once: an entry is keyed by its kind and the opportunity's id. A retried job runs again
 * only when its first run rolled back, entry and all; a statement whose entry is already there (a
 * process owner re-running a step, or restarting the opportunity) is left as first written, and the
 * log says so.
 */
@Component("ledger")
public class Ledger {

  public static final String INCENTIVE = "INCENTIVE";
  public static final String LOSS = "LOSS";

  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  /**
   * {@code ${ledger.recordIncentives(execution)}}: the listener on <i>Incentives approved</i> of
   * model versions before the step <i>Record in ledger</i>. Their running instances keep writing.
   */
  public void recordIncentives(DelegateExecution execution) {
    record(
        JsonVariables.read(
            execution.getVariable(OpportunityVariables.INCENTIVE_STATEMENT),
            IncentiveStatement.class),
        execution.getProcessInstanceId());
  }

  /**
   * {@code ${ledger.recordLoss(execution)}}: the listener on <i>Allocate loss</i> of model versions
   * before the step <i>Record in ledger</i>. Their running instances keep writing.
   */
  public void recordLoss(DelegateExecution execution) {
    record(
        JsonVariables.read(
            execution.getVariable(OpportunityVariables.LOSS_STATEMENT), LossStatement.class),
        execution.getProcessInstanceId());
  }

  /** Writes an approved incentive statement, unless it is in the ledger already. */
  public void record(IncentiveStatement statement, String processInstanceId) {
    String entry = entryId(INCENTIVE, statement.opportunityId());
    if (!open(
        entry,
        INCENTIVE,
        statement.opportunityId(),
        processInstanceId,
        statement.realizedRevenue())) {
      return;
    }
    Connection connection = EngineConnection.current();
    try (PreparedStatement department = departmentInsert(connection);
        PreparedStatement person = personInsert(connection)) {
      for (IncentiveStatement.DepartmentLine line : statement.departments()) {
        addDepartment(department, entry, line.department(), line.kpiCredit(), line.pool(), zero());
      }
      department.executeBatch();
      for (IncentiveStatement.MemberLine member : statement.members()) {
        addPerson(
            person,
            entry,
            member.userId(),
            member.department(),
            member.bonus(),
            member.collaborationStar(),
            member.promotionPoints(),
            member.freeRider());
      }
      person.executeBatch();
    } catch (SQLException e) {
      throw failed(entry, e);
    }
  }

  /**
   * Writes a loss statement, unless it is in the ledger already: per department the loss, per
   * member (when the team was rated on the loss) no bonus and no star, the promotion points for
   * support given and the free-rider flag.
   */
  public void record(LossStatement statement, String processInstanceId) {
    String entry = entryId(LOSS, statement.opportunityId());
    if (!open(entry, LOSS, statement.opportunityId(), processInstanceId, statement.lossAmount())) {
      return;
    }
    Connection connection = EngineConnection.current();
    try (PreparedStatement department = departmentInsert(connection);
        PreparedStatement person = personInsert(connection)) {
      for (LossStatement.DepartmentLoss line : statement.departments()) {
        addDepartment(department, entry, line.department(), zero(), zero(), line.loss());
      }
      department.executeBatch();
      // A statement of a model version that rated nobody on a loss has no members.
      List<LossStatement.MemberLine> members =
          statement.members() == null ? List.of() : statement.members();
      for (LossStatement.MemberLine member : members) {
        addPerson(
            person,
            entry,
            member.userId(),
            member.department(),
            zero(),
            false,
            member.promotionPoints(),
            member.freeRider());
      }
      if (!members.isEmpty()) {
        person.executeBatch();
      }
    } catch (SQLException e) {
      throw failed(entry, e);
    }
  }

  /**
   * One entry per opportunity and kind: a process owner who restarts a finished opportunity (a new
   * process instance with the same id) cannot put its statement in twice either.
   */
  private static String entryId(String kind, String opportunityId) {
    return kind + ":" + opportunityId;
  }

  /** Inserts the entry's head; false when the statement is in the ledger already. */
  private static boolean open(
      String entry,
      String kind,
      String opportunityId,
      String processInstanceId,
      BigDecimal amount) {
    Connection connection = EngineConnection.current();
    try (PreparedStatement existing =
        connection.prepareStatement("SELECT 1 FROM COLLAB_LEDGER_ENTRY WHERE ENTRY_ID_ = ?")) {
      existing.setString(1, entry);
      try (ResultSet found = existing.executeQuery()) {
        if (found.next()) {
          LOG.warn(
              "the {} statement of {} is in the ledger already ({}); it stays as first written",
              kind,
              opportunityId,
              entry);
          return false;
        }
      }
    } catch (SQLException e) {
      throw failed(entry, e);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO COLLAB_LEDGER_ENTRY (ENTRY_ID_, KIND_, OPPORTUNITY_ID_, PROC_INST_ID_,"
                + " RECORDED_, AMOUNT_) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, entry);
      insert.setString(2, kind);
      insert.setString(3, opportunityId);
      insert.setString(4, processInstanceId);
      insert.setTimestamp(5, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      insert.setBigDecimal(6, amount);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      throw failed(entry, e);
    }
  }

  private static PreparedStatement departmentInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(
        "INSERT INTO COLLAB_LEDGER_DEPARTMENT (ENTRY_ID_, DEPARTMENT_, KPI_CREDIT_, POOL_, LOSS_)"
            + " VALUES (?, ?, ?, ?, ?)");
  }

  private static PreparedStatement personInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(
        "INSERT INTO COLLAB_LEDGER_PERSON (ENTRY_ID_, USER_ID_, DEPARTMENT_, BONUS_, STAR_,"
            + " PROMOTION_POINTS_, FREE_RIDER_) VALUES (?, ?, ?, ?, ?, ?, ?)");
  }

  private static void addPerson(
      PreparedStatement insert,
      String entry,
      String userId,
      String department,
      BigDecimal bonus,
      boolean star,
      int promotionPoints,
      boolean freeRider)
      throws SQLException {
    insert.setString(1, entry);
    insert.setString(2, userId);
    insert.setString(3, department);
    insert.setBigDecimal(4, bonus);
    insert.setBoolean(5, star);
    insert.setInt(6, promotionPoints);
    insert.setBoolean(7, freeRider);
    insert.addBatch();
  }

  private static void addDepartment(
      PreparedStatement insert,
      String entry,
      String department,
      BigDecimal kpiCredit,
      BigDecimal pool,
      BigDecimal loss)
      throws SQLException {
    insert.setString(1, entry);
    insert.setString(2, department);
    insert.setBigDecimal(3, kpiCredit);
    insert.setBigDecimal(4, pool);
    insert.setBigDecimal(5, loss);
    insert.addBatch();
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  private static ProcessEngineException failed(String entry, SQLException e) {
    return new ProcessEngineException("cannot write ledger entry " + entry, e);
  }
}
