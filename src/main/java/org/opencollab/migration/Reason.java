package org.opencollab.migration;

/**
 * Why a plan or an instance cannot move, as a sentence in English and in Chinese that names the
 * step ({@code activityId}, empty where no step is concerned); {@code detail} is Camunda's own
 * failure as it wrote it, in English, for whoever looks into it further (empty when the reason is
 * the product's own).
 */
public record Reason(String activityId, String english, String chinese, String detail) {

  /** A reason of the product's own, not of a Camunda failure. */
  Reason(String activityId, String english, String chinese) {
    this(activityId, english, chinese, "");
  }
}
