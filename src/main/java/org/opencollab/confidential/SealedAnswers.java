package org.opencollab.confidential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.opencollab.engine.EngineConnection;
import org.springframework.stereotype.Component;

/**
 * The sealed answers of {@link SealedStep}s, in {@code COLLAB_SEALED_ANSWER}: outside the engine's
 * tables, so no engine query, variable filter, count, export or write response reaches them.
 *
 * <p>A step's complete listener {@link #seal seals} its person's answer in the completing command's
 * own transaction: the answer goes into the table and its variables leave the engine (their history
 * is never written, {@link SealedHistory}). The listener then counts the answers so far with {@link
 * #of}; the step's decision gathers them into the variables oversight reads.
 */
@Component
public class SealedAnswers {

  /** One person's answer: the step's fields as Json. */
  public record Answer(String person, ObjectNode fields) {
    /** A field as a variable would hold it: a text, a flag, a number, or Json. */
    public Object value(String field) {
      JsonNode node = fields.get(field);
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isTextual()) {
        return node.asText();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      return node.isNumber() ? node.numberValue() : node;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SELECT =
      "SELECT PERSON_, ANSWER_ FROM COLLAB_SEALED_ANSWER WHERE PROC_INST_ID_ = ? AND STEP_ = ?"
          + " ORDER BY SEALED_, PERSON_";

  private final DataSource dataSource;

  public SealedAnswers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Seals what {@code person} entered in {@code task}: its {@code step.fields()} go into the table
   * and are removed from the engine. Inside the completing command only.
   */
  public static void seal(DelegateTask task, SealedStep step, String person) {
    ObjectNode answer = JSON.createObjectNode();
    for (String field : step.fields()) {
      answer.set(field, json(task.getVariable(field)));
    }
    Connection connection = EngineConnection.current();
    try (PreparedStatement earlier =
            connection.prepareStatement(
                "DELETE FROM COLLAB_SEALED_ANSWER"
                    + " WHERE PROC_INST_ID_ = ? AND STEP_ = ? AND PERSON_ = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO COLLAB_SEALED_ANSWER (PROC_INST_ID_, STEP_, PERSON_, ANSWER_, SEALED_)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      earlier.setString(1, task.getProcessInstanceId());
      earlier.setString(2, step.step());
      earlier.setString(3, person);
      earlier.executeUpdate();
      insert.setString(1, task.getProcessInstanceId());
      insert.setString(2, step.step());
      insert.setString(3, person);
      insert.setString(4, answer.toString());
      insert.setTimestamp(5, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessEngineException("the answer of " + person + " could not be sealed", e);
    }
    for (String field : step.fields()) {
      task.removeVariable(field);
    }
  }

  /** The answers sealed so far in {@code step} of a process instance, inside an engine command. */
  public static List<Answer> of(String processInstanceId, SealedStep step) {
    try {
      return read(EngineConnection.current(), processInstanceId, step.step());
    } catch (SQLException e) {
      throw new ProcessEngineException("the sealed answers could not be read", e);
    }
  }

  /** The same, outside the engine: for the story, which shows them only where its reader may. */
  public List<Answer> read(String processInstanceId, String step) {
    try (Connection connection = dataSource.getConnection()) {
      return read(connection, processInstanceId, step);
    } catch (SQLException e) {
      throw new IllegalStateException("the sealed answers could not be read", e);
    }
  }

  private static List<Answer> read(Connection connection, String processInstanceId, String step)
      throws SQLException {
    List<Answer> answers = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, processInstanceId);
      select.setString(2, step);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          answers.add(new Answer(rows.getString(1), (ObjectNode) parse(rows.getString(2))));
        }
      }
    }
    return answers;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("a sealed answer is not Json", e);
    }
  }

  /** A variable's value as Json: Json variables as their tree, anything else as its value. */
  private static JsonNode json(Object value) {
    if (value instanceof SpinJsonNode spin) {
      return parse(spin.toString());
    }
    return JSON.valueToTree(value);
  }
}
