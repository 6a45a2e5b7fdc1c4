package org.opencollab.variables;

import java.math.BigDecimal;
import java.util.Collection;
import org.opencollab.language.Language;

/**
 * The rule a refused value breaks, in English and in Chinese: the person reads it in their language
 * ({@link Language}), logs and incidents read it in English. The phrases every reader of variables
 * uses (required, a number, between, at most, one of, "got") are written here once, each in both
 * languages; a rule of one place is written there, its Chinese beside its English.
 */
public record Rule(String english, String chinese) {

  public Rule {
    if (english == null || english.isBlank() || chinese == null || chinese.isBlank()) {
      throw new IllegalArgumentException("a rule needs its English and its Chinese: " + english);
    }
  }

  public String in(Language language) {
    return language == Language.CHINESE ? chinese : english;
  }

  /** The rule and the value that broke it: {@code must be a number, got x}. */
  public Rule got(Object value) {
    String shown = value instanceof BigDecimal number ? number.toPlainString() : "" + value;
    return new Rule(english + ", got " + shown, chinese + "，实际为 " + shown);
  }

  /** The rule with more said after it, in each language. */
  public Rule plus(String english, String chinese) {
    return new Rule(this.english + english, this.chinese + chinese);
  }

  /** The rule said of a part of the value: {@code SALES must be a whole number}. */
  public Rule about(String subject) {
    return new Rule(subject + " " + english, subject + " " + chinese);
  }

  /** The rule followed by an explanation: {@code must be Json: unexpected end}. */
  public Rule because(String reason) {
    return new Rule(english + ": " + reason, chinese + "：" + reason);
  }

  public static Rule required() {
    return new Rule("is required", "必填");
  }

  public static Rule text() {
    return new Rule("must be a text", "必须是文本");
  }

  public static Rule nonEmptyText() {
    return new Rule("must be a non-empty text", "必须是非空文本");
  }

  public static Rule atMostCharacters(int max) {
    return new Rule("must have at most " + max + " characters", "最多 " + max + " 个字符");
  }

  public static Rule oneOf(Collection<String> allowed) {
    String choices = String.join(", ", allowed);
    return new Rule("must be one of " + choices, "必须是以下之一：" + choices);
  }

  public static Rule trueOrFalse() {
    return new Rule("must be true or false", "必须是 true 或 false");
  }

  public static Rule number() {
    return new Rule("must be a number", "必须是数字");
  }

  public static Rule finiteNumber() {
    return new Rule("must be a finite number", "必须是有限的数字");
  }

  public static Rule wholeNumber() {
    return new Rule("must be a whole number", "必须是整数");
  }

  public static Rule between(Object min, Object max) {
    String from = plain(min);
    String to = plain(max);
    return new Rule("must be between " + from + " and " + to, "必须在 " + from + " 到 " + to + " 之间");
  }

  public static Rule zeroOrMore() {
    return new Rule("must be 0 or more", "不得小于 0");
  }

  public static Rule atMost(Object max) {
    return new Rule("must be at most " + plain(max), "不得大于 " + plain(max));
  }

  /** At most two decimal places: an amount of CNY in yuan and fen. */
  public static Rule cents() {
    return new Rule("must have at most two decimal places (CNY cents)", "最多两位小数（人民币分）");
  }

  public static Rule json() {
    return new Rule("must be Json", "必须是 Json");
  }

  public static Rule jsonObject() {
    return new Rule("must be a Json object", "必须是 Json 对象");
  }

  /** A user who must belong to a group and does not. */
  public static Rule notMember(String user, String group) {
    return new Rule(user + " is not a member of group " + group, user + " 不是组 " + group + " 的成员");
  }

  private static String plain(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
  }
}
