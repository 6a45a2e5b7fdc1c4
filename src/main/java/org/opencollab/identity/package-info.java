/**
 * Who is who: departments and their groups, the seed and demo users, authorizations, group
 * membership as the rules read it, and the webapps' login guards. Who calls the product's API is in
 * {@code security}.
 */
package org.opencollab.identity;
