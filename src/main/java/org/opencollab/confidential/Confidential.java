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

  /** Whether {@code name} is a sealed field of a step of {@code processKey}. */
  public boolean isSealedField(String processKey, String name) {
    for (SealedStep step : steps) {
      if (step.fields().contains(name)
          && (processKey == null || step.processKey().equals(processKey))) {
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
