package org.opencollab.identity;

import java.util.List;

/**
 * A user that the application makes sure exists at start-up, with its group memberships.
 *
 * @param email where the product's mail goes (docs/employees.md, "E-mail"); may be null
 */
public record SeedUser(
    String id,
    String firstName,
    String lastName,
    String email,
    String password,
    List<String> groupIds) {

  @Override
  public String toString() {
    return "SeedUser[" + id + " in " + groupIds + "]";
  }
}
