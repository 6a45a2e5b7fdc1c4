package org.opencollab.config;

import org.springframework.core.Ordered;

/**
 * The product's engine plugins, in the order the engine runs them: the one place that says which
 * plugins there are and in which order (docs/process-owners.md, "What the engine adds to every
 * model"). Camunda's Spring Boot starter collects every {@code ProcessEnginePlugin} bean, sorts
 * them by Spring order and calls each phase ({@code preInit}, {@code postInit}, {@code
 * postProcessEngineBuild}) plugin by plugin in that order. Each plugin class carries its place here
 * as {@code @Order(EnginePlugins.…)}; a new plugin gets a constant here, and {@code
 * EnginePluginsTest} fails until the engine runs exactly this list.
 *
 * <p>The product's plugins come after the starter's own configuration (ordered around 0) and before
 * the starter's unordered plugins (events, class loader, Spin), as they did when the order was that
 * of the classes' names. Within a phase the order matters where two plugins touch the same thing:
 * built-in task listeners run in the order they were attached ({@link #TASK_MAILS} after, {@link
 * #TASK_NAMES} before the others), and after the engine is built the users and groups exist ({@link
 * #IDENTITY_SETUP}) before the models are deployed ({@link #MODEL_DEPLOYER}), both in the start-up
 * thread ({@code engine.StartUpWork}), while the Tasklist filters are created ({@link
 * #TASK_FILTER_SETUP}), which need neither.
 */
public final class EnginePlugins {

  private static final int FIRST = Ordered.LOWEST_PRECEDENCE - 1000;

  /** {@code confidential.ConfidentialityPlugin}: sealed votes and ratings in front of history. */
  public static final int CONFIDENTIALITY = FIRST;

  /** {@code engine.HistoryCleanupWindow}: history cleanup only in the night window. */
  public static final int HISTORY_CLEANUP_WINDOW = FIRST + 10;

  /** {@code engine.AuditorsHistory}: full history less the rows no reader takes. */
  public static final int AUDITORS_HISTORY = FIRST + 15;

  /** {@code engine.NullsLastOnH2}: H2 sorts empty values as PostgreSQL does. */
  public static final int NULLS_LAST_ON_H2 = FIRST + 20;

  /** {@code decisions.ParsedFeelPlugin}: decisions evaluate full FEEL, parsed once. */
  public static final int PARSED_FEEL = FIRST + 30;

  /** {@code identity.IdentitySetup}: groups, authorizations and seed users. */
  public static final int IDENTITY_SETUP = FIRST + 40;

  /** {@code models.ModelDeployer}: deploys {@code processes/} and {@code decisions/}. */
  public static final int MODEL_DEPLOYER = FIRST + 50;

  /** {@code notify.TaskMails}: mail on every user task's creation and assignment. */
  public static final int TASK_MAILS = FIRST + 60;

  /** {@code rest.EngineRefusals}: refusals logged as refusals, not engine errors. */
  public static final int ENGINE_REFUSALS = FIRST + 70;

  /** {@code rules.ValidationPlugin}: each step's rules on every start and task completion. */
  public static final int VALIDATION = FIRST + 80;

  /** {@code tasklist.TaskFilterSetup}: the shared Tasklist filters. */
  public static final int TASK_FILTER_SETUP = FIRST + 90;

  /** {@code tasklist.TaskNames}: task names with their opportunity, in both languages. */
  public static final int TASK_NAMES = FIRST + 100;

  /** {@code trust.TrustPlugin}: the door guard, task permissions, no Java serialization. */
  public static final int TRUST = FIRST + 110;

  /** {@code engine.SchemaMigration.EngineWaitsForSchema}: the engine waits for Liquibase. */
  public static final int ENGINE_WAITS_FOR_SCHEMA = FIRST + 120;

  private EnginePlugins() {}
}
