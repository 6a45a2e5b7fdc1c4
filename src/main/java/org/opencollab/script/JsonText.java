package org.opencollab.script;

/**
 * A value the process keeps as Json, written as its text: each transport sends it as Json (a Spin
 * value through the Java API, {@code "type": "Json"} over REST).
 */
public record JsonText(String text) {}
