package org.opencollab.identity;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The administrator of a production installation. Without it nobody could log into Admin, and the
 * setup page would be left open to whoever comes first, so the application refuses to start.
 */
@Component
@Profile("prod")
public class Administrator implements UserSeeds {

  private final AdministratorProperties properties;

  public Administrator(AdministratorProperties properties) {
    if (isBlank(properties.user()) || isBlank(properties.password())) {
      String missing = isBlank(properties.user()) ? "COLLAB_ADMIN_USER" : "COLLAB_ADMIN_PASSWORD";
      throw new IllegalStateException("The prod profile needs an administrator: set the environment variables "
          + "COLLAB_ADMIN_USER and COLLAB_ADMIN_PASSWORD (" + missing + " is missing or empty)");
    }
    this.properties = properties;
  }

  @Override
  public List<SeedUser> users() {
    return List.of(new SeedUser(properties.user(), "Administrator", properties.user(), properties.password(),
        List.of(Groups.CAMUNDA_ADMIN)));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
