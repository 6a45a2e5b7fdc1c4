package org.opencollab.identity;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo users listed in README.md, password {@code demo}. Never present under the {@code prod}
 * profile.
 */
@Component
@Profile("demo & !prod")
public class DemoUsers implements UserSeeds {

  static final String PASSWORD = "demo";

  /**
   * The demo users' mail goes to {@code <user>@opencollab.example} (a domain kept for examples).
   */
  static final String MAIL_DOMAIN = "opencollab.example";

  @Override
  public List<SeedUser> users() {
    return List.of(
        user("alice", "Alice", "Account manager", Department.SALES.groupId()),
        user("sam", "Sam", "Sales", Department.SALES.groupId()),
        user("bob", "Bob", "Solution manager", Department.TECH.groupId()),
        user("tina", "Tina", "Tech", Department.TECH.groupId()),
        user("carol", "Carol", "Delivery manager", Department.DELIVERY.groupId()),
        user("dave", "Dave", "Marketing", Department.MARKETING.groupId()),
        user("otto", "Otto", "Operations", Department.OPERATIONS.groupId()),
        user("erin", "Erin", "Coordinator", Groups.COORDINATORS),
        user("frank", "Frank", "Committee chair", Groups.COMMITTEE, Groups.COMMITTEE_CHAIR),
        user("grace", "Grace", "Committee", Groups.COMMITTEE),
        user("heidi", "Heidi", "Committee", Groups.COMMITTEE),
        user("ivan", "Ivan", "Auditor", Groups.AUDITORS),
        user("olivia", "Olivia", "Process owner", Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN));
  }

  private static SeedUser user(String id, String firstName, String lastName, String... groupIds) {
    return new SeedUser(
        id, firstName, lastName, id + "@" + MAIL_DOMAIN, PASSWORD, List.of(groupIds));
  }
}
