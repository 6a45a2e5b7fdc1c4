/**
 * The doors into the engine: one small class per kind of engine command that comes from outside,
 * each refusing what that command may not do, found by the command's type in {@link
 * org.opencollab.trust.doors.Doors}; {@link org.opencollab.trust.doors.DoorChecks} holds the checks
 * several doors share.
 */
package org.opencollab.trust.doors;
