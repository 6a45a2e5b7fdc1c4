package org.opencollab.identity;

import java.util.List;

/** A source of users to create at start-up; which sources exist depends on the active profile. */
public interface UserSeeds {

  List<SeedUser> users();
}
