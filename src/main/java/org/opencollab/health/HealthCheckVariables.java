package org.opencollab.health;

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

  private HealthCheckVariables() {}
}
