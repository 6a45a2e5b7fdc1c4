package org.opencollab.language;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language a person reads the server's answers in: Chinese for a Chinese browser or choice,
 * English otherwise. The person's choice in the webapps' menu or on a product page is kept in the
 * cookie {@value #COOKIE} ({@code zh-CN}, {@code en}); without it, the first language of the
 * request's {@code Accept-Language} decides. Logs stay English.
 */
public enum Language {
  ENGLISH,
  CHINESE;

  /** Written by {@code collab/language.js} and the product pages' {@code common.js}. */
  public static final String COOKIE = "collab.language";

  /** The language of {@code request}; English without one. */
  public static Language of(HttpServletRequest request) {
    if (request == null) {
      return ENGLISH;
    }
    String chosen = null;
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          chosen = cookie.getValue();
        }
      }
    }
    return of(chosen, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** The language of a choice ({@code zh-CN}, {@code en}) if any, else of an Accept-Language. */
  public static Language of(String choice, String acceptLanguage) {
    if (choice != null && !choice.isBlank()) {
      return chinese(choice) ? CHINESE : ENGLISH;
    }
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return ENGLISH;
    }
    try {
      // ranges come sorted by weight, the first of equal weight first
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      return !ranges.isEmpty() && chinese(ranges.get(0).getRange()) ? CHINESE : ENGLISH;
    } catch (IllegalArgumentException malformed) {
      return ENGLISH;
    }
  }

  /** The language of the request being answered on this thread; English outside of one. */
  public static Language current() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? of(servlet.getRequest())
        : ENGLISH;
  }

  /**
   * {@code english} or {@code chinese}, in the language of the request being answered: a product
   * API's message to the person who reads it on a page.
   */
  public static String say(String english, String chinese) {
    return current() == CHINESE ? chinese : english;
  }

  private static boolean chinese(String tag) {
    String language = tag.trim().toLowerCase(Locale.ROOT);
    return language.equals("zh") || language.startsWith("zh-") || language.startsWith("zh_");
  }
}
