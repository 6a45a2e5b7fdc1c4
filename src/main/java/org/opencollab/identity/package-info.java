/**
 * Who is who: departments and their groups, the seed and demo users, authorizations, group
 * membership as the rules read it, and who calls the product.
 */
package org.opencollab.identity;
