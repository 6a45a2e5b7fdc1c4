package org.opencollab.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollab.language.Language.CHINESE;
import static org.opencollab.language.Language.ENGLISH;

import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void theFirstLanguageOfTheBrowserDecides() {
    assertThat(Language.of(null, "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(CHINESE);
    assertThat(Language.of(null, "zh")).isEqualTo(CHINESE);
    assertThat(Language.of(null, "zh-Hans-CN")).isEqualTo(CHINESE);
    assertThat(Language.of(null, "en;q=0.5, zh-CN;q=0.9")).isEqualTo(CHINESE);
    assertThat(Language.of(null, "en-US,zh-CN;q=0.9")).isEqualTo(ENGLISH);
    assertThat(Language.of(null, "de-DE")).isEqualTo(ENGLISH);
    assertThat(Language.of(null, "*")).isEqualTo(ENGLISH);
  }

  @Test
  void aChoiceComesBeforeTheBrowser() {
    assertThat(Language.of("zh-CN", "en-US")).isEqualTo(CHINESE);
    assertThat(Language.of("zh", null)).isEqualTo(CHINESE);
    assertThat(Language.of("en", "zh-CN")).isEqualTo(ENGLISH);
  }

  @Test
  void nothingOrNonsenseIsEnglish() {
    assertThat(Language.of(null, null)).isEqualTo(ENGLISH);
    assertThat(Language.of("", " ")).isEqualTo(ENGLISH);
    assertThat(Language.of(null, ";;;q=x,")).isEqualTo(ENGLISH);
    assertThat(Language.of(null, "zhx")).isEqualTo(ENGLISH);
    assertThat(Language.of((jakarta.servlet.http.HttpServletRequest) null)).isEqualTo(ENGLISH);
    assertThat(Language.current()).isEqualTo(ENGLISH);
    assertThat(Language.say("no", "没有")).isEqualTo("no");
  }
}
