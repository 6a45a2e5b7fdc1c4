package org.opencollab.confidential;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opencollab.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * What is confidential and who reads it (secret ballot, sealed ratings): the fields of every {@link
 * SealedStep} and the variables they are gathered into. Nobody reads a sealed answer while its step
 * is open; once it is decided, {@link Groups#CONFIDENTIAL_READERS} read the gathered values, and no
 * one else reads, filters, sorts or counts by them.
 */
@Component
public class Confidential {

  private final List<SealedStep> steps;
  private final Set<String> names;

  public Confidential(List<SealedStep> steps) {
    this.steps = List.copyOf(steps);
    Set<String> all = new TreeSet<>();
    for (SealedStep step : steps) {
      all.addAll(step.fields());
      all.addAll(step.gathered());
    }
    this.names = Set.copyOf(all);
  }

  /** Every confidential variable name: the sealed fields and the gathered values. */
  public Set<String> names() {
    return names;
  }

  public List<SealedStep> steps() {
    return steps;
  }

  /**
   * Whether {@code name}, written in {@code activityInstanceId} of {@code processKey}, is a sealed
   * field: a field of a sealed step, in that step (its own activity instance or its multi-instance
   * body). An unknown process or activity counts as the step's, so nothing sealed slips through.
   */
  public boolean isSealedField(String processKey, String activityInstanceId, String name) {
    for (SealedStep step : steps) {
      if (step.fields().contains(name)
          && (processKey == null || step.processKey().equals(processKey))
          && (activityInstanceId == null
              || activityInstanceId.startsWith(step.step() + ":")
              || activityInstanceId.startsWith(step.step() + "#"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a person in {@code groups} reads decided votes and approved ratings. */
  public static boolean mayRead(Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(Groups.CONFIDENTIAL_READERS::contains);
  }
}
