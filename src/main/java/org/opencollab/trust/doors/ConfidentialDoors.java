package org.opencollab.trust.doors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.QueryEntityRelationCondition;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.QueryVariableValue;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryVariableValue;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.opencollab.confidential.Confidential;
import org.springframework.stereotype.Component;

/**
 * The doors to confidential values (docs/operators.md, "Secret ballots and sealed ratings"). While
 * a vote or an evaluation is open its answers are sealed outside the engine, so no door reaches
 * them; once decided, they are gathered into variables ({@code votes}, {@code peerRatings}, {@code
 * peerComments}) that only {@link Confidential#mayRead oversight} reads. For everyone else this
 * class refuses, at every door that reaches the engine (REST, the webapps' API, stored filters run
 * with an extending query):
 *
 * <ul>
 *   <li>a query that filters or sorts by a confidential variable's value or name (400): a count of
 *       tasks whose process has {@code vote = REJECT} would tell a vote without reading it;
 *   <li>a read of one confidential variable by name (403);
 * </ul>
 *
 * and it leaves confidential values out of every answer that carries variables: a task's or an
 * execution's variables, a form's variables, and the variables a completion, a start or a message
 * returns.
 */
@Component
public final class ConfidentialDoors {

  private final Set<String> names;

  public ConfidentialDoors(Confidential confidential) {
    this.names = confidential.names();
  }

  /** Refuses a query that filters or sorts by a confidential variable. */
  void refuseFiltersIn(Object query, Caller user) {
    if (query == null || readsAll(user)) {
      return;
    }
    Set<String> used = new TreeSet<>();
    for (String name : filteredNames(query)) {
      if (isConfidential(name)) {
        used.add(name);
      }
    }
    if (!used.isEmpty()) {
      throw new BadUserRequestException(
          String.join(", ", used)
              + ": confidential; "
              + user.userId()
              + " may not filter or sort by it (auditors, the committee and process owners may,"
              + " once it is decided)");
    }
  }

  /** Refuses reading one confidential variable by its name. */
  void refuseRead(String name, Caller user) {
    if (!readsAll(user) && name != null && isConfidential(name)) {
      throw new AuthorizationException(
          user.userId() + " may not read " + name + ": it is confidential");
    }
  }

  /** {@code result} without the confidential variables the caller may not read. */
  public <T> T withoutConfidential(T result, Caller user) {
    if (result == null || readsAll(user)) {
      return result;
    }
    if (result instanceof VariableMap variables) {
      variables.keySet().removeAll(names);
    } else if (result instanceof ProcessInstanceWithVariables started) {
      withoutConfidential(started.getVariables(), user);
    } else if (result instanceof MessageCorrelationResultWithVariables correlated) {
      withoutConfidential(correlated.getVariables(), user);
    } else if (result instanceof List<?> results
        && !results.isEmpty()
        && results.get(0) instanceof MessageCorrelationResultWithVariables) {
      // Only a correlation to all carries variables in a list; query results are left untouched.
      results.forEach(each -> withoutConfidential(each, user));
    }
    return result;
  }

  /**
   * Whether a name a query uses is, or may match, a confidential one: compared without case
   * (queries may ignore it), and a {@code like} pattern ({@code %}, {@code _}) by what it matches.
   */
  private boolean isConfidential(String used) {
    String pattern =
        Pattern.quote(used.toLowerCase(Locale.ROOT))
            .replace("%", "\\E.*\\Q")
            .replace("_", "\\E.\\Q");
    return names.stream()
        .map(name -> name.toLowerCase(Locale.ROOT))
        .anyMatch(name -> name.matches(pattern));
  }

  private static boolean readsAll(Caller user) {
    return user == null || Confidential.mayRead(user.groupIds());
  }

  /** The names of the variables a query filters or sorts by, in all its parts. */
  private static List<String> filteredNames(Object query) {
    List<String> found = new ArrayList<>();
    for (Object part : parts(query)) {
      if (part instanceof TaskQueryImpl task) {
        task.getVariables().stream().map(TaskQueryVariableValue::getName).forEach(found::add);
      } else if (part instanceof HistoricTaskInstanceQueryImpl task) {
        task.getVariables().stream().map(TaskQueryVariableValue::getName).forEach(found::add);
      } else if (part instanceof HistoricProcessInstanceQueryImpl instance) {
        instance.getQueryVariableValues().stream()
            .map(QueryVariableValue::getName)
            .forEach(found::add);
      } else if (part instanceof AbstractVariableQueryImpl<?, ?> variables) {
        variables.getQueryVariableValues().stream()
            .map(QueryVariableValue::getName)
            .forEach(found::add);
      }
      if (part instanceof VariableInstanceQueryImpl instances) {
        if (instances.getVariableName() != null) {
          found.add(instances.getVariableName());
        }
        if (instances.getVariableNames() != null) {
          found.addAll(List.of(instances.getVariableNames()));
        }
        if (instances.getVariableNameLike() != null) {
          found.add(instances.getVariableNameLike());
        }
      }
      if (part instanceof ListQueryParameterObject ordered) {
        for (QueryOrderingProperty ordering : ordered.getOrderingProperties()) {
          if (QueryOrderingProperty.RELATION_VARIABLE.equals(ordering.getRelation())
              && ordering.getRelationConditions() != null) {
            for (QueryEntityRelationCondition condition : ordering.getRelationConditions()) {
              if (condition.getScalarValue() instanceof String name) {
                found.add(name);
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** A query and its {@code or} parts. */
  private static Collection<?> parts(Object query) {
    if (query instanceof TaskQueryImpl task) {
      return task.getQueries();
    }
    if (query instanceof HistoricTaskInstanceQueryImpl task) {
      return task.getQueries();
    }
    if (query instanceof ProcessInstanceQueryImpl instance) {
      return instance.getQueries();
    }
    if (query instanceof HistoricProcessInstanceQueryImpl instance) {
      return instance.getQueries();
    }
    return query instanceof Query<?, ?> ? List.of(query) : List.of();
  }
}
