package org.opencollab.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After a wrong password Camunda refuses the user's next login for a few seconds (3 s, doubling),
 * whatever the password, and the webapps' login then answers as for a wrong password: Tasklist
 * shows "Wrong credentials, locked user or missing access rights". While that wait runs, this
 * filter answers the webapps' login itself, 429 with a message the login form shows: wait a few
 * seconds and try again, in English and Chinese. A wrong password, a user locked for good and any
 * other refusal still get the webapps' own answer.
 */
@Configuration
public class LoginThrottleNotice {

  static final String MESSAGE =
      "Too many attempts: wait a few seconds, then try again." + " / 登录尝试过于频繁：请等待几秒钟后重试。";

  /** A login body is a user name and a password: anything much longer is not read here. */
  private static final int MAX_BODY = 16 * 1024;

  private static final Pattern LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login/[^/]+/?");

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> loginThrottleNoticeFilter(
      ProcessEngine processEngine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new Notice(
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration(),
                AdminSetupGuard.normalize(webappPath)));
    registration.setName("login-throttle-notice");
    registration.addUrlPatterns("/*");
    return registration;
  }

  static final class Notice extends OncePerRequestFilter {

    private final ProcessEngineConfigurationImpl engine;
    private final String webappPath;

    Notice(ProcessEngineConfigurationImpl engine, String webappPath) {
      this.engine = engine;
      this.webappPath = webappPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path =
          AdminSetupGuard.normalize(
              request.getServletPath() + Objects.toString(request.getPathInfo(), ""));
      return !"POST".equals(request.getMethod())
          || !path.startsWith(webappPath + "/")
          || !LOGIN.matcher(path.substring(webappPath.length())).matches();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (body.length <= MAX_BODY) {
        Long wait = secondsToWait(username(new String(body, StandardCharsets.UTF_8)));
        if (wait != null) {
          response.setStatus(429);
          response.setHeader("Retry-After", String.valueOf(wait));
          response.setContentType("application/json");
          response.setCharacterEncoding("UTF-8");
          response
              .getWriter()
              .write("{\"type\":\"LoginThrottled\",\"message\":\"" + MESSAGE + "\"}");
          return;
        }
      }
      chain.doFilter(new Replayed(request, body), response);
    }

    /** How long the user still waits before Camunda checks a password again; null: no wait. */
    private Long secondsToWait(String userId) {
      if (userId == null || userId.isBlank()) {
        return null;
      }
      UserEntity user =
          engine
              .getCommandExecutorTxRequired()
              .execute(
                  context ->
                      context.runWithoutAuthorization(
                          () -> context.getDbEntityManager().selectById(UserEntity.class, userId)));
      if (user == null || user.getAttempts() >= engine.getLoginMaxAttempts()) {
        return null;
      }
      Date until = user.getLockExpirationTime();
      long now = ClockUtil.getCurrentTime().getTime();
      if (until == null || until.getTime() <= now) {
        return null;
      }
      return Math.max(1, (until.getTime() - now + 999) / 1000);
    }

    private static String username(String form) {
      for (String pair : form.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0
            && "username"
                .equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  /** The request as it came, its body read once here and given again to the webapps' login. */
  private static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      InputStream read = new ByteArrayInputStream(body);
      InputStream rest =
          body.length > MAX_BODY ? super.getInputStream() : InputStream.nullInputStream();
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          int next = read.read();
          return next >= 0 ? next : rest.read();
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }
}
