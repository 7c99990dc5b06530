package org.watchfloor.http;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request on a connection to a given, already checked address: the socket connects to that
 * {@link InetAddress} and nothing resolves the host again, while the Host header, TLS SNI and certificate hostname
 * check use the URL's host. This is what closes DNS rebinding: the JDK's HTTP clients resolve the host themselves at
 * connect time, after any check, and may get another answer. One request per connection ({@code Connection: close}).
 */
final class PinnedHttpExchange implements AutoCloseable {
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_HEADERS = 200;

  private final Socket socket;
  private final int status;
  private final Map<String, List<String>> headers;
  private final InputStream body;

  private PinnedHttpExchange(Socket socket, int status, Map<String, List<String>> headers, InputStream body) {
    this.socket = socket;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Connects to {@code address}, sends a GET for {@code uri} with the given headers and reads the status line and
   * headers; the body is then read from {@link #body()}.
   */
  static PinnedHttpExchange get(URI uri, InetAddress address, Map<String, String> requestHeaders, int connectTimeoutMs,
                                int readTimeoutMs, SSLSocketFactory tls) throws IOException {
    return send("GET", uri, address, requestHeaders, null, connectTimeoutMs, readTimeoutMs, tls);
  }

  /** The same for any method; a non-null {@code body} is sent with its Content-Length. */
  static PinnedHttpExchange send(String method, URI uri, InetAddress address, Map<String, String> requestHeaders,
                                 byte[] requestBody, int connectTimeoutMs, int readTimeoutMs, SSLSocketFactory tls)
      throws IOException {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    String host = uri.getHost();
    Socket plain = new Socket(java.net.Proxy.NO_PROXY);
    Socket socket = plain;
    try {
      plain.connect(new InetSocketAddress(address, port), connectTimeoutMs);
      plain.setSoTimeout(readTimeoutMs);
      if (https) {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, hostForTls(host), port, true);
        SSLParameters params = ssl.getSSLParameters();
        // The certificate must name the URL's host, not the address connected to.
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(host)) {
          params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(readTimeoutMs);
        socket = ssl;
        ssl.startHandshake();
      }
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      StringBuilder req = new StringBuilder(256);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        path += "?" + uri.getRawQuery();
      }
      req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      req.append("Host: ").append(hostHeader(host, uri.getPort(), https)).append("\r\n");
      for (Map.Entry<String, String> h : requestHeaders.entrySet()) {
        req.append(h.getKey()).append(": ").append(noBreaks(h.getValue())).append("\r\n");
      }
      if (requestBody != null) {
        req.append("Content-Length: ").append(requestBody.length).append("\r\n");
      }
      req.append("Connection: close\r\n\r\n");
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (requestBody != null) {
        out.write(requestBody);
      }
      out.flush();
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
      String statusLine = readLine(in);
      int status = parseStatus(statusLine);
      Map<String, List<String>> headers = readHeaders(in);
      while (status >= 100 && status < 200) {
        // 1xx interim answers come before the real one.
        status = parseStatus(readLine(in));
        headers = readHeaders(in);
      }
      InputStream body;
      String te = first(headers, "transfer-encoding");
      String cl = first(headers, "content-length");
      if (status == 204 || status == 304) {
        body = InputStream.nullInputStream();
      } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = new ChunkedInputStream(in);
      } else if (cl != null) {
        body = new LimitedInputStream(in, parseLength(cl));
      } else {
        body = in;
      }
      return new PinnedHttpExchange(socket, status, headers, body);
    } catch (IOException | RuntimeException e) {
      try {
        socket.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  int status() {
    return status;
  }

  /** Response headers, names in lower case. */
  Map<String, List<String>> headers() {
    return headers;
  }

  String header(String name) {
    return first(headers, name.toLowerCase(Locale.ROOT));
  }

  /** The declared body length, or -1. */
  long contentLength() {
    String cl = header("content-length");
    if (cl == null || header("transfer-encoding") != null) {
      return -1;
    }
    try {
      return parseLength(cl);
    } catch (IOException e) {
      return -1;
    }
  }

  InputStream body() {
    return body;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing more to do with a connection used once
    }
  }

  private static String hostForTls(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  private static String hostHeader(String host, int port, boolean https) {
    return port < 0 || (https && port == 443) || (!https && port == 80) ? host : host + ":" + port;
  }

  private static String noBreaks(String value) {
    return value.replace("\r", " ").replace("\n", " ");
  }

  private static String first(Map<String, List<String>> headers, String lowerName) {
    List<String> v = headers.get(lowerName);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static int parseStatus(String line) throws IOException {
    // HTTP/1.1 200 OK
    if (line == null || !line.startsWith("HTTP/")) {
      throw new java.net.ProtocolException("not a valid HTTP answer");
    }
    int sp = line.indexOf(' ');
    if (sp < 0 || line.length() < sp + 4) {
      throw new java.net.ProtocolException("not a valid HTTP status line");
    }
    try {
      return Integer.parseInt(line.substring(sp + 1, sp + 4));
    } catch (NumberFormatException e) {
      throw new java.net.ProtocolException("not a valid HTTP status line");
    }
  }

  private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    int count = 0;
    int bytes = 0;
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      bytes += line.length();
      if (++count > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
        throw new java.net.ProtocolException("too many response headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
    }
    return headers;
  }

  /** A CRLF- (or LF-) terminated line in ISO-8859-1, at most 64 KB; null at end of stream before any byte. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
      if (line.size() > MAX_HEADER_BYTES) {
        throw new java.net.ProtocolException("response header line too long");
      }
    }
    if (b < 0 && line.size() == 0) {
      return null;
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static long parseLength(String value) throws IOException {
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0) {
        throw new java.net.ProtocolException("negative Content-Length");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new java.net.ProtocolException("bad Content-Length");
    }
  }

  /** Exactly {@code length} bytes, then end of stream; a shorter stream is an error. */
  private static final class LimitedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    LimitedInputStream(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the body ended before its Content-Length");
      }
      left -= n;
      return n;
    }
  }

  /** Decodes {@code Transfer-Encoding: chunked}. */
  private static final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = readLine(in);
        if (size == null) {
          throw new EOFException("the chunked body ended early");
        }
        int semi = size.indexOf(';');
        String hex = (semi >= 0 ? size.substring(0, semi) : size).trim();
        try {
          left = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new java.net.ProtocolException("bad chunk size");
        }
        if (left < 0) {
          throw new java.net.ProtocolException("bad chunk size");
        }
        if (left == 0) {
          // trailers, then the end
          for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
            // trailers are ignored
            continue;
          }
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the chunked body ended early");
      }
      left -= n;
      if (left == 0) {
        readLine(in);
      }
      return n;
    }
  }

  /** The request headers in the order given. */
  static Map<String, String> headersOf(String... namesAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        m.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return m;
  }
}
