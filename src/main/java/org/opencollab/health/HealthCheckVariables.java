package org.opencollab.health;

import java.util.List;

/** The variables of process {@code collaborationHealthCheck} (docs/process-variables.md). */
public final class HealthCheckVariables {

  public static final String PROCESS_KEY = "collaborationHealthCheck";

  /** Start form: how many days back the check looks, 7 to 730; 90 when left empty. */
  public static final String PERIOD_DAYS = "periodDays";

  public static final int DEFAULT_PERIOD_DAYS = 90;
  public static final int MIN_PERIOD_DAYS = 7;
  public static final int MAX_PERIOD_DAYS = 730;

  /** Written by {@code AssessCollaborationHealth}: the report, Json. */
  public static final String HEALTH_REPORT = "healthReport";

  /** {@code ReviewHealthReport}: what the coordinator concludes and will do, optional. */
  public static final String REVIEW_NOTES = "reviewNotes";

  /**
   * {@code FollowUpHealthWarning}, one per warning of the report: the warning (Json, one element of
   * the report's {@code warnings}) and, read-only on its form, its name, subject and evidence.
   */
  public static final String HEALTH_WARNING = "healthWarning";

  public static final String WARNING_NAME = "warningName";
  public static final String SUBJECT_NAME = "subjectName";
  public static final String EVIDENCE_TEXT = "evidenceText";

  /** {@code FollowUpHealthWarning}: what the coordinator did about the warning, required. */
  public static final String WARNING_ACTION = "warningAction";

  public static final List<String> WARNING_ACTIONS =
      List.of(
          "CONTACTED_DEPARTMENT", "CHANGED_PROCESS", "ESCALATED_TO_COMMITTEE", "NO_ACTION_NEEDED");

  /** {@code FollowUpHealthWarning}: what was done or found, required, up to 4,000 characters. */
  public static final String WARNING_NOTE = "warningNote";

  /**
   * Gathered as each {@code FollowUpHealthWarning} completes, Json array: per warning who followed
   * it up, the action and the note. The next check's report shows them.
   */
  public static final String WARNING_FOLLOW_UPS = "warningFollowUps";

  private HealthCheckVariables() {}
}
