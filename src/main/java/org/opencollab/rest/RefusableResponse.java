package org.opencollab.rest;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * A response that a filter can answer itself while the application is still at work: once {@link
 * #refuse} has written the filter's answer, whatever the application writes or sets afterwards (its
 * own error for the broken read) is dropped, so the caller gets one clean answer.
 */
final class RefusableResponse extends HttpServletResponseWrapper {

  private boolean refused;

  RefusableResponse(HttpServletResponse response) {
    super(response);
  }

  /** Writes the answer, once, and drops what comes after. */
  void refuse(Runnable answer) {
    if (!refused) {
      refused = true;
      answer.run();
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    return refused ? DROPPED : super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    return refused ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
  }

  @Override
  public void setStatus(int status) {
    if (!refused) {
      super.setStatus(status);
    }
  }

  @Override
  public void sendError(int status) throws IOException {
    if (!refused) {
      super.sendError(status);
    }
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    if (!refused) {
      super.sendError(status, message);
    }
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    if (!refused) {
      super.sendRedirect(location);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!refused) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!refused) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!refused) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!refused) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void setDateHeader(String name, long date) {
    if (!refused) {
      super.setDateHeader(name, date);
    }
  }

  @Override
  public void addDateHeader(String name, long date) {
    if (!refused) {
      super.addDateHeader(name, date);
    }
  }

  @Override
  public void addCookie(Cookie cookie) {
    if (!refused) {
      super.addCookie(cookie);
    }
  }

  @Override
  public void setContentType(String type) {
    if (!refused) {
      super.setContentType(type);
    }
  }

  @Override
  public void setContentLength(int length) {
    if (!refused) {
      super.setContentLength(length);
    }
  }

  @Override
  public void setContentLengthLong(long length) {
    if (!refused) {
      super.setContentLengthLong(length);
    }
  }

  @Override
  public void setCharacterEncoding(String encoding) {
    if (!refused) {
      super.setCharacterEncoding(encoding);
    }
  }

  @Override
  public void setLocale(Locale locale) {
    if (!refused) {
      super.setLocale(locale);
    }
  }

  @Override
  public void setBufferSize(int size) {
    if (!refused) {
      super.setBufferSize(size);
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!refused) {
      super.flushBuffer();
    }
  }

  @Override
  public void reset() {
    if (!refused) {
      super.reset();
    }
  }

  @Override
  public void resetBuffer() {
    if (!refused) {
      super.resetBuffer();
    }
  }

  private static final ServletOutputStream DROPPED =
      new ServletOutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] bytes, int offset, int length) {}

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };
}
