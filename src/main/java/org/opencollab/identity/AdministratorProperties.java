package org.opencollab.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The production administrator, from {@code COLLAB_ADMIN_USER} and {@code COLLAB_ADMIN_PASSWORD}
 * (Spring binds those environment variables to {@code collab.admin.user} and {@code
 * collab.admin.password}).
 */
@ConfigurationProperties("collab.admin")
public record AdministratorProperties(String user, String password) {}
