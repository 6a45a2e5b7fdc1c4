/**
 * The executive committee's arbitration of disputes between departments (process {@code
 * collaborationArbitration}): its rules, the committee and its secret vote, the ruling composed and
 * delivered to the opportunity.
 */
package org.opencollab.arbitration;
