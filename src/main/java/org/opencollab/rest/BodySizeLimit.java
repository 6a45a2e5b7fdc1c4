package org.opencollab.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than its limit ({@link UploadLimits}) with 413 before it is held in
 * memory, at every door: {@code /engine-rest}, the webapps' own API that Tasklist uses, and every
 * other page. Camunda's REST resources read a whole body into memory before they look at it (a 300
 * MB attachment used to end in an OutOfMemoryError), so the limit is kept here, in front of them: a
 * declared {@code Content-Length} over the limit is refused before a byte is read, and a body sent
 * without one (chunked) is counted as it is read and cut off one byte past the limit.
 *
 * <p>An attachment's upload may carry the attachment's limit plus room for the form's other fields;
 * {@link AttachmentSize} then holds the file itself to the limit exactly.
 */
@Configuration
public class BodySizeLimit {

  /** The request attribute that tells {@link AttachmentSize} the attachment's limit in bytes. */
  static final String ATTACHMENT_MAX_SIZE = BodySizeLimit.class.getName() + ".attachmentMaxSize";

  /** Room for an attachment's name, type and description, and the multipart boundaries. */
  static final long FORM_ROOM = 64 * 1024;

  private static final Pattern ATTACHMENT_UPLOAD =
      Pattern.compile(".*/task/[^/]+/attachment/create");

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> bodySizeLimitFilter(UploadLimits limits) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Limit(limits));
    registration.setName("body-size-limit");
    registration.addUrlPatterns("/*");
    // after the security headers, which a refusal carries too, and before anything reads a body
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  static final class Limit extends OncePerRequestFilter {

    private final UploadLimits limits;

    Limit(UploadLimits limits) {
      this.limits = limits;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean attachment = ATTACHMENT_UPLOAD.matcher(request.getRequestURI()).matches();
      long attachmentMax = limits.attachmentMaxSize().toBytes();
      long limit = attachment ? attachmentMax + FORM_ROOM : limits.requestMaxSize().toBytes();
      String refusal =
          attachment
              ? "content: an attachment may be at most " + size(attachmentMax)
              : "The request body may be at most " + size(limit);
      if (attachment) {
        request.setAttribute(ATTACHMENT_MAX_SIZE, attachmentMax);
      }
      long declared = request.getContentLengthLong();
      if (declared > limit) {
        TooLarge.answer(request, response, refusal + "; this request declares " + size(declared));
        return;
      }
      RefusableResponse guarded = new RefusableResponse(response);
      CountedBody body =
          new CountedBody(
              request,
              limit,
              () ->
                  guarded.refuse(
                      () ->
                          TooLarge.answer(
                              request,
                              response,
                              refusal + "; this request sent more (no Content-Length)")));
      chain.doFilter(body, guarded);
    }
  }

  static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB (" + String.format("%,d", bytes) + " bytes)";
    }
    return String.format("%,d", bytes) + " bytes";
  }

  /**
   * The request, with a body that counts what is read and refuses past the limit: the frameworks
   * above see an I/O error and stop reading; the caller gets the 413.
   */
  static final class CountedBody extends HttpServletRequestWrapper {

    private final long limit;
    private final Runnable onExceeded;
    private ServletInputStream counted;
    private BufferedReader reader;

    CountedBody(HttpServletRequest request, long limit, Runnable onExceeded) {
      super(request);
      this.limit = limit;
      this.onExceeded = onExceeded;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new Counted(super.getInputStream());
      }
      return counted;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }

    private final class Counted extends ServletInputStream {

      private final ServletInputStream in;
      private long count;
      private boolean exceeded;

      Counted(ServletInputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        refuseIfExceeded();
        int b = in.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseIfExceeded();
        if (length == 0) {
          return 0;
        }
        // never more than one byte past the limit is read
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
          counted(n);
        }
        return n;
      }

      private void counted(int n) throws IOException {
        count += n;
        if (count > limit) {
          exceeded = true;
          onExceeded.run();
          refuseIfExceeded();
        }
      }

      private void refuseIfExceeded() throws IOException {
        if (exceeded) {
          throw new BodyTooLargeException(limit);
        }
      }

      @Override
      public boolean isFinished() {
        return exceeded || in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
