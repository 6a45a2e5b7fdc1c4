package org.opencollab.opportunity;

/** One member of an opportunity's team and the department it works for on that opportunity. */
public record TeamMember(String userId, String department) {}
