package org.opencollab.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The SLAs the models' timers and due dates read as {@code ${sla.techResponse}} and so on (ISO-8601
 * durations). Set them with {@code collab.sla.*}; they stop departments passing the buck (减少部门间推诿).
 */
@Component("sla")
public class ServiceLevels {

  private final Properties properties;

  public ServiceLevels(Properties properties) {
    this.properties = properties;
  }

  /** How long tech may take to design a solution before a coordinator follows up. */
  public String getTechResponse() {
    return properties.techResponse();
  }

  /** The length of one delivery sprint; the delivery manager is reminded once per sprint. */
  public String getSprintLength() {
    return properties.sprintLength();
  }

  /** How long the committee may take to vote before it is reminded. */
  public String getCommitteeVote() {
    return properties.committeeVote();
  }

  @ConfigurationProperties("collab.sla")
  public record Properties(
      @DefaultValue("P5D") String techResponse,
      @DefaultValue("P14D") String sprintLength,
      @DefaultValue("P5D") String committeeVote) {}
}
