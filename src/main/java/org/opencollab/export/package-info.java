/**
 * The CSV files the product hands out, written one way so that they open safely in a spreadsheet.
 */
package org.opencollab.export;
