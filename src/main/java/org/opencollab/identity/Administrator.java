package org.opencollab.identity;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The administrator of a production installation, from {@code COLLAB_ADMIN_USER} and {@code
 * COLLAB_ADMIN_PASSWORD}. Without one nobody could log into Admin, so {@link
 * org.opencollab.config.ProductionEnvironmentCheck} refuses to start without them.
 */
@Component
@Profile("prod")
public class Administrator implements UserSeeds {

  private final AdministratorProperties properties;

  public Administrator(AdministratorProperties properties) {
    this.properties = properties;
  }

  @Override
  public List<SeedUser> users() {
    return List.of(
        new SeedUser(
            properties.user(),
            "Administrator",
            properties.user(),
            null,
            properties.password(),
            List.of(Groups.CAMUNDA_ADMIN)));
  }
}
