package org.opencollab.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CSV's words for the story's values are the story page's, in both languages. */
class StoryWordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCodeOfThePagesTableHasItsWordsInBothLanguages() throws Exception {
    String script;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(StoryWords.PAGE_SCRIPT)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String table = script.substring(script.indexOf("const WORDS = {"));
    table = table.substring(0, table.indexOf("\n};"));
    long codes = Pattern.compile("\\w+: \\[").matcher(table).results().count();

    assertThat(StoryWords.all()).hasSize((int) codes).hasSizeGreaterThan(40);
    assertThat(StoryWords.word("REASSIGNED")).isEqualTo("gave it to someone else / 已改派他人");
    assertThat(StoryWords.word("TECH")).isEqualTo("Technical / 技术部");
    // the health check's codes and measures, as the decision preview shows them
    assertThat(StoryWords.all()).hasSize(65);
    assertThat(StoryWords.word("SLOW_CLAIM")).isEqualTo("Work waits to be picked up / 任务认领迟缓");
    assertThat(StoryWords.word("medianClaimHours"))
        .isEqualTo("median hours to claim / 认领用时中位数（小时）");
    assertThat(StoryWords.word("Sam qualifies it")).isEqualTo("Sam qualifies it");
  }

  @Test
  void aCompletionReadsAsThePageReadsItWithCodesInWords() throws Exception {
    JsonNode labels =
        JSON.readTree(
            """
            {"lateStepAction": "What you did / 跟进方式", "qualified": "Qualified / 是否合格",
             "teamMembers": "Team members / 团队成员", "share": "Share / 比例"}
            """);
    JsonNode entered =
        JSON.readTree(
            """
            {"lateStepAction": "REASSIGNED", "qualified": false, "sprintLength": "P14D",
             "wait": "PT1H", "teamMembers": [{"userId": "bob", "department": "TECH"}, "carol"],
             "split": {"department": "SALES", "share": 60}, "note": "Out / 外出", "none": null}
            """);

    assertThat(StoryWords.labelled(entered, labels))
        .isEqualTo(
            "What you did / 跟进方式: gave it to someone else / 已改派他人; Qualified / 是否合格: no / 否;"
                + " sprintLength: 14 days / 14 天; wait: 1 hour / 1 小时;"
                + " Team members / 团队成员: bob (Technical / 技术部), carol;"
                + " split: department Sales / 销售部, Share / 比例 60; note: Out / 外出; none: ");
  }
}
