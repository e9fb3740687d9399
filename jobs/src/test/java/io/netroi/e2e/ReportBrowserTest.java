package io.netroi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample report in a real browser and the PDF as images: headless Chromium (Debian's chromium,
 * installed by .ci/run) loads report.html with every request sent to a recording proxy, so a
 * request the page makes or a console message fails the test (the page's Content-Security-Policy
 * blocks any fetch and Chromium reports the block on the console); the browser's own calls to its
 * vendor's services (time, component updates, accounts) are not the page's and are left out.
 * poppler's pdftoppm turns report.pdf into page images. Outside CI a machine without the tools
 * skips the test; in CI (CI=true) it fails.
 */
class ReportBrowserTest extends SampleEndToEndTest {
  static Optional<Path> tool(String... names) {
    for (String n : names) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path p = Path.of(dir, n);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  static Path required(String... names) {
    Optional<Path> p = tool(names);
    if (p.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(names[0] + " is not installed (.ci/run installs it)");
    }
    Assumptions.assumeTrue(p.isPresent(), names[0] + " not installed");
    return p.get();
  }

  /** Hosts Chromium itself calls whatever the page (network time, component updates, accounts). */
  static final java.util.regex.Pattern BROWSER_SERVICES =
      java.util.regex.Pattern.compile("(^|\\.)(google\\.com|googleapis\\.com|gstatic\\.com|gvt1\\.com)$");

  /** What the browser did with a page: its DOM, its console lines, and the hosts asked for through the proxy. */
  record Load(int exit, String dom, List<String> console, List<String> hosts) {
    List<String> pageRequests() {
      return hosts.stream().filter(h -> !BROWSER_SERVICES.matcher(h).find()).toList();
    }
  }

  /** The host of a proxy request line: {@code CONNECT host:443 ...} or {@code GET http://host/... ...}. */
  static String host(String requestLine) {
    String[] parts = requestLine.split(" ");
    String target = parts.length > 1 ? parts[1] : "";
    target = target.replaceFirst("^[a-z]+://", "");
    return target.replaceFirst("[:/].*$", "").toLowerCase(java.util.Locale.ROOT);
  }

  static Load load(Path chromium, Path page, Path profile) throws IOException, InterruptedException {
    try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<String> hosts = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread accept = new Thread(() -> {
        while (!proxy.isClosed()) {
          try (Socket s = proxy.accept()) {
            s.setSoTimeout(5000);
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                StandardCharsets.ISO_8859_1)).readLine();
            hosts.add(line == null ? "?" : host(line));
          } catch (IOException e) {
            if (proxy.isClosed()) {
              return;
            }
          }
        }
      });
      accept.setDaemon(true);
      accept.start();
      Path err = profile.resolve("stderr.log");
      Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile.resolve("profile"),
          "--proxy-server=http://127.0.0.1:" + proxy.getLocalPort(), "--proxy-bypass-list=<-loopback>",
          "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
          .redirectError(err.toFile()).start();
      String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
      List<String> console;
      try (Stream<String> lines = Files.lines(err)) {
        console = lines.filter(l -> l.contains(":CONSOLE")).toList();
      }
      return new Load(p.exitValue(), dom, console, List.copyOf(hosts));
    }
  }

  @Test
  void theHtmlLoadsWithoutConsoleMessagesOrExternalRequests(@TempDir Path tmp) throws Exception {
    Path chromium = required("chromium", "chromium-browser");
    Path html = Path.of(SamplePipeline.report(spark())).resolve("report.html");
    Load report = load(chromium, html, Files.createDirectories(tmp.resolve("a")));
    assertEquals(0, report.exit());
    Assertions.assertTrue(report.dom().contains("What our networking built and returned"), "the page rendered");
    Assertions.assertTrue(report.dom().contains("data:image/png;base64,"), "charts are inline");
    assertEquals(List.of(), report.console(), "console messages");
    assertEquals(List.of(), report.pageRequests(), "requests leaving the page");
    // the harness sees what it should: a remote image goes through the proxy, and with the
    // report's policy it is blocked and reported on the console
    String csp = html.toFile().exists() ? Files.readString(html).replaceAll("(?s).*?(<meta http-equiv=\"Content-Security-Policy\"[^>]*>).*", "$1") : "";
    Assertions.assertTrue(csp.startsWith("<meta http-equiv=\"Content-Security-Policy\""), "the report has a policy");
    Path open = tmp.resolve("open.html");
    Files.writeString(open, "<html><body><img src=\"http://example.invalid/x.png\"/></body></html>");
    Load control = load(chromium, open, Files.createDirectories(tmp.resolve("b")));
    Assertions.assertTrue(control.pageRequests().contains("example.invalid"), control.hosts().toString());
    Path guarded = tmp.resolve("guarded.html");
    Files.writeString(guarded, "<html><head>" + csp + "</head><body><img src=\"http://example.invalid/x.png\"/></body></html>");
    Load blocked = load(chromium, guarded, Files.createDirectories(tmp.resolve("c")));
    Assertions.assertFalse(blocked.console().isEmpty(), "the blocked request is reported on the console");
    assertEquals(List.of(), blocked.pageRequests());
  }

  @Test
  void thePdfBecomesPageImages(@TempDir Path tmp) throws Exception {
    Path pdftoppm = required("pdftoppm");
    Path pdf = Path.of(SamplePipeline.report(spark())).resolve("report.pdf");
    Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "30", pdf.toString(), tmp.resolve("page").toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp)) {
      files.filter(f -> f.getFileName().toString().startsWith("page")).sorted().forEach(pages::add);
    }
    Assertions.assertTrue(pages.size() >= 5, "pages: " + pages.size());
    for (Path page : pages) {
      Assertions.assertTrue(Files.size(page) > 1000, page + " is an image with content");
    }
  }
}
