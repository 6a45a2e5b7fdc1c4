package org.opencollab.trust.doors;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * Refuses an expression ({@code ${...}}, {@code #{...}}) in a query that comes from outside.
 *
 * <p>Camunda evaluates expressions in task queries. It refuses them at the top of an ad-hoc query,
 * but not inside its {@code orQueries}, and a 7.24.0 CE advisory, unpatched upstream, shows that
 * any logged-in user can run arbitrary static Java methods that way. The guard looks at the query
 * object the engine is about to run, so every door is covered: REST, the webapps' API, and the
 * extending query sent with a filter. Stored filters keep their expressions ({@code
 * ${currentUser()}}): only administrators may create or change a filter.
 */
final class QueryExpressions {

  static final String MESSAGE = "expressions are not allowed in queries: ";

  private QueryExpressions() {}

  static void refuseIn(Query<?, ?> query) {
    if (query instanceof TaskQueryImpl task) {
      for (TaskQueryImpl part : task.getQueries()) {
        refuseIn(part.getExpressions().keySet().stream().toList());
      }
    } else if (query instanceof AbstractQuery<?, ?> other) {
      refuseIn(other.getExpressions().keySet().stream().toList());
    }
  }

  private static void refuseIn(List<String> parameters) {
    if (!parameters.isEmpty()) {
      throw new BadUserRequestException(
          MESSAGE
              + String.join(", ", parameters.stream().sorted().toList())
              + " carry an expression; send plain values");
    }
  }
}
