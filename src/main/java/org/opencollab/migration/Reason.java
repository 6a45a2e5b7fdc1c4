package org.opencollab.migration;

/**
 * Why a plan or an instance cannot move, as a sentence in English and in Chinese that names the
 * step ({@code activityId}, empty where no step is concerned).
 */
public record Reason(String activityId, String english, String chinese) {}
