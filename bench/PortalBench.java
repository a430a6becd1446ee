import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of bench/submit-bench.sh and bench/upload-bench.sh (JDK only: run as
 * {@code java bench/PortalBench.java MODE ...}). Each applicant is a browser of its own (cookies, no
 * automatic redirects) that logs in the way a phone does: portal → auth-bridge → mock 粤信签 (consent,
 * first-time form, face "pass") → bridge → portal, fills in the real-name record, and builds a draft
 * through the portal's pages (the CSRF token always from the page, first in an upload's body). Nothing
 * in the portal is bypassed.
 *
 * <pre>
 * submit PORTAL BRIDGE MOCK PID APPLICANTS WARMUP MATERIAL_KIB OUT_DIR
 * upload PORTAL BRIDGE MOCK PID UPLOADS MIB
 * </pre>
 */
public final class PortalBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FLOW = Pattern.compile("name=\"flow\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern MATERIAL = Pattern.compile("/applications/[0-9a-f-]{36}/materials/([a-z0-9-]+)\"");
    private static final List<String> SERVICES = List.of("talent-recognition", "chief-technician", "rent-subsidy");
    private static final long CLK_TCK = 100;
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong PERSON = new AtomicLong(System.currentTimeMillis() % 100_000);

    private static String portal;
    private static String bridge;
    private static String mock;

    public static void main(String[] args) throws Exception {
        portal = args[1];
        bridge = args[2];
        mock = args[3];
        long pid = Long.parseLong(args[4]);
        switch (args[0]) {
            case "submit" -> submit(pid, Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]),
                    Path.of(args[8]));
            case "upload" -> upload(pid, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("mode: submit or upload");
        }
    }

    // ---- submit ------------------------------------------------------------------------------

    private static void submit(long pid, int applicants, int warmup, int materialKib, Path out) throws Exception {
        log("preparing " + (applicants + warmup) + " applicants: face login, real-name record, draft of "
                + SERVICES + ", every material (" + materialKib + " KiB each)");
        List<Applicant> all = parallel(applicants + warmup, 2, i -> {
            Applicant a = Applicant.loggedIn();
            a.draft(SERVICES, materialKib);
            return a;
        });
        int materials = all.get(0).materials;
        log("each draft has " + materials + " materials");
        List<Applicant> warm = all.subList(0, warmup);
        List<Applicant> burst = all.subList(warmup, all.size());
        for (Applicant a : warm) {
            a.submit();
        }
        log("warm-up: " + warmup + " sequential submits done (JIT); now " + applicants + " at once");
        Thread.sleep(1000);
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        List<long[]> results = parallel(applicants, applicants, i -> burst.get(i).submit());
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (cpuTicks(pid) - cpu0) * 1000 / CLK_TCK;
        long[] latencies = results.stream().mapToLong(r -> r[0]).sorted().toArray();
        long errors = results.stream().filter(r -> r[1] != 302).count();
        System.out.printf("%n| submits at once | materials each | errors | p50 ms | p99 ms | max ms | burst wall ms | portal CPU ms | CPU ms per submit |%n");
        System.out.printf("|-----------------|----------------|--------|--------|--------|--------|---------------|---------------|-------------------|%n");
        System.out.printf("| %15d | %14d | %6d | %6d | %6d | %6d | %13d | %13d | %17.1f |%n", applicants, materials, errors,
                pct(latencies, 50), pct(latencies, 99), latencies[latencies.length - 1], wallMs, cpuMs,
                (double) cpuMs / applicants);
        System.out.printf("%nGoals (issue 11): CPU per submit <= 12 ms: %s (%.2fx the goal); p99 <= 500 ms: %s (%.2fx); errors 0: %s%n",
                cpuMs / (double) applicants <= 12 ? "met" : "MISSED", cpuMs / (double) applicants / 12,
                pct(latencies, 99) <= 500 ? "met" : "MISSED", pct(latencies, 99) / 500.0, errors == 0 ? "met" : "MISSED");
        Files.createDirectories(out);
        for (int i = 0; i < burst.size(); i++) {
            burst.get(i).downloadPackage(out.resolve("package-" + (i + 1) + ".asice"));
        }
        log("downloaded " + burst.size() + " packages to " + out);
    }

    // ---- upload ------------------------------------------------------------------------------

    private static void upload(long pid, int uploads, int mib) throws Exception {
        log("preparing " + uploads + " applicants with a draft (face login through the mock)");
        List<Applicant> all = parallel(uploads, 2, i -> {
            Applicant a = Applicant.loggedIn();
            a.createDraft(List.of("talent-recognition"));
            return a;
        });
        byte[] shared = new byte[mib * 1024 * 1024 - 64];
        RANDOM.nextBytes(shared);
        // one small warm-up upload each (JIT), not counted
        for (Applicant a : all.subList(0, Math.min(4, all.size()))) {
            a.upload("one-thing-application-form", uniquePdf(64 * 1024));
        }
        Thread.sleep(1000);
        long rss0 = rssKib(pid);
        long[] io0 = ioBytes(pid);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong maxRss = new AtomicLong(rss0);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                maxRss.accumulateAndGet(rssKib(pid), Math::max);
                sleep(100);
            }
        });
        sampler.start();
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        List<long[]> results = parallel(uploads, uploads, i -> {
            byte[] head = ("%PDF-1.7\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] prefix = Arrays.copyOf(head, 64);
            Arrays.fill(prefix, head.length, 64, (byte) ' ');
            return all.get(i).upload("id-document", prefix, shared);
        });
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (cpuTicks(pid) - cpu0) * 1000 / CLK_TCK;
        running.set(false);
        sampler.join();
        long[] io1 = ioBytes(pid);
        long rss1 = rssKib(pid);
        long errors = results.stream().filter(r -> r[1] != 302).count();
        double totalMib = (double) uploads * mib;
        double written = io1[0] - io0[0];
        System.out.printf("%n| uploads at once | MiB each | errors | wall s | portal CPU ms | CPU ms per MiB | bytes written / bytes uploaded | RSS before MiB | RSS max MiB | RSS after MiB |%n");
        System.out.printf("|-----------------|----------|--------|--------|---------------|----------------|--------------------------------|----------------|-------------|---------------|%n");
        System.out.printf("| %15d | %8d | %6d | %6.1f | %13d | %14.2f | %30.2f | %14d | %11d | %13d |%n", uploads, mib, errors,
                wallMs / 1000.0, cpuMs, cpuMs / totalMib, written / (totalMib * 1024 * 1024), rss0 / 1024,
                maxRss.get() / 1024, rss1 / 1024);
        System.out.printf("%nGoals (issue 11): CPU per MiB <= 4 ms: %s (%.2fx the goal); written once (ratio ~1.0): %s; errors 0: %s%n",
                cpuMs / totalMib <= 4 ? "met" : "MISSED", cpuMs / totalMib / 4,
                written / (totalMib * 1024 * 1024) < 1.2 ? "met" : "MISSED", errors == 0 ? "met" : "MISSED");
        System.out.println("(bytes written: write_bytes of /proc/PID/io, what the portal process sent to the block layer;"
                + " its embedded PostgreSQL runs in processes of its own)");
    }

    // ---- one applicant: a browser of its own --------------------------------------------------

    private static final class Applicant {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String applicationId;
        int materials;

        static Applicant loggedIn() throws Exception {
            Applicant a = new Applicant();
            a.faceLogin();
            return a;
        }

        void faceLogin() throws Exception {
            Page login = follow(get(portal + "/applications"));
            expect(login.url.startsWith(bridge), "at the bridge's login page", login);
            Page consent = follow(get(bridge + "/login/yuexinqian"));
            Page person = post(mock + "/flow/consent", Map.of("flow", flow(consent), "decision", "agree"));
            Page face = post(mock + "/flow/person", Map.of("flow", flow(person), "name", "压测" + PERSON.get() % 1000,
                    "idType", "resident_id", "idNumber", newIdNumber(), "consent", "yes"));
            Page back = follow(post(mock + "/flow/face", Map.of("flow", flow(face), "result", "pass")));
            expect(back.url.startsWith(portal), "back at the portal", back);
            Page profile = follow(get(portal + "/profile"));
            if (profile.body.contains("id=\"profile-form\"")) {
                Page saved = post(portal + "/profile", Map.of("_csrf", csrf(profile), "phone", "13800000000",
                        "consent", "true"));
                expect(saved.status == 302, "real-name record saved", saved);
            }
        }

        void createDraft(List<String> services) throws Exception {
            Page choose = get(portal + "/applications/new");
            StringBuilder form = new StringBuilder("_csrf=" + enc(csrf(choose)));
            services.forEach(s -> form.append("&service=").append(enc(s)));
            Page created = send(HttpRequest.newBuilder(URI.create(portal + "/applications"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
            expect(created.status == 302 && created.location.contains("/applications/"), "draft created", created);
            applicationId = created.location.substring(created.location.lastIndexOf('/') + 1);
        }

        void draft(List<String> services, int materialKib) throws Exception {
            createDraft(services);
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("_csrf", csrf(get(portal + "/applications/" + applicationId + "/form")));
            Map.ofEntries(Map.entry("contact-phone", "13800000000"), Map.entry("contact-address", "揭阳市榕城区临江北路1号"),
                    Map.entry("current-employer", "揭阳某机械厂"), Map.entry("job-title", "车间主任"),
                    Map.entry("highest-education", "本科"), Map.entry("professional-title", "高级工程师"),
                    Map.entry("skill-level", "高级技师"), Map.entry("talent-category", "C类"),
                    Map.entry("main-achievements", "改进了生产线"), Map.entry("station-name", "博士工作站"),
                    Map.entry("funding-amount", "50000"), Map.entry("rent-start-date", "2026-01-01"),
                    Map.entry("monthly-rent", "1500.50"), Map.entry("bank-name", "中国银行揭阳分行"),
                    Map.entry("bank-account", "6217000000000000000"))
                    .forEach((k, v) -> answers.put("field-" + k, v));
            Page saved = post(portal + "/applications/" + applicationId + "/form", answers);
            expect(saved.status == 302, "form saved", saved);
            Set<String> codes = new LinkedHashSet<>();
            Matcher m = MATERIAL.matcher(get(portal + "/applications/" + applicationId).body);
            while (m.find()) {
                codes.add(m.group(1));
            }
            for (String code : codes) {
                long[] r = upload(code, uniquePdf(materialKib * 1024));
                expect(r[1] == 302, "material " + code + " uploaded", null);
            }
            materials = codes.size();
            Page check = get(portal + "/applications/" + applicationId + "/check");
            expect(check.body.contains("id=\"submit-application\""), "the draft is complete", check);
        }

        /** {latency ms, status} */
        long[] submit() throws Exception {
            String token = csrf(get(portal + "/applications/" + applicationId + "/check"));
            long t0 = System.nanoTime();
            Page r = post(portal + "/applications/" + applicationId + "/submit", Map.of("_csrf", token));
            return new long[] {(System.nanoTime() - t0) / 1_000_000, r.status};
        }

        /** {latency ms, status}: the material page's form, the CSRF field first. */
        long[] upload(String code, byte[]... content) throws Exception {
            String url = portal + "/applications/" + applicationId + "/materials/" + code;
            String token = csrf(get(url));
            String boundary = "----bench-" + UUID.randomUUID();
            List<byte[]> parts = new ArrayList<>();
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + code
                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.addAll(Arrays.asList(content));
            parts.add(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            Page r = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
            return new long[] {(System.nanoTime() - t0) / 1_000_000, r.status};
        }

        void downloadPackage(Path file) throws Exception {
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(portal + "/applications/" + applicationId
                    + "/packages/1")).header("User-Agent", PHONE).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
            expect(r.statusCode() == 200, "package downloaded", null);
        }

        Page get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        Page post(String url, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }

        Page follow(Page page) throws Exception {
            Page p = page;
            for (int i = 0; i < 15 && p.status / 100 == 3; i++) {
                p = get(URI.create(p.url).resolve(p.location).toString());
            }
            return p;
        }

        Page send(HttpRequest request) throws IOException, InterruptedException {
            // A phone: the bridge sends a phone straight to 粤信签 (a desktop gets a QR code to scan).
            HttpRequest phone = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("User-Agent", PHONE).header("Accept", "text/html,*/*").build();
            HttpResponse<String> r = http.send(phone, HttpResponse.BodyHandlers.ofString());
            return new Page(request.uri().toString(), r.statusCode(), r.headers().firstValue("Location").orElse(""),
                    r.body());
        }
    }

    private record Page(String url, int status, String location, String body) {
    }

    // ---- helpers -------------------------------------------------------------------------------

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> parallel(int n, int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** {write_bytes, wchar} of /proc/PID/io. */
    private static long[] ioBytes(long pid) throws IOException {
        long writeBytes = 0;
        long wchar = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
            if (line.startsWith("write_bytes:")) {
                writeBytes = Long.parseLong(line.substring(12).trim());
            } else if (line.startsWith("wchar:")) {
                wchar = Long.parseLong(line.substring(6).trim());
            }
        }
        return new long[] {writeBytes, wchar};
    }

    private static byte[] uniquePdf(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        byte[] head = ("%PDF-1.7\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** A valid resident ID number (GB 11643), different for every applicant of every run. */
    private static String newIdNumber() {
        long n = PERSON.incrementAndGet();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n % 12_000);
        String body = "445202" + birth.toString().replace("-", "") + String.format("%03d", (n / 12_000) % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String flow(Page page) {
        Matcher m = FLOW.matcher(page.body);
        expect(m.find(), "a mock 粤信签 page with its flow", page);
        return m.group(1);
    }

    private static String csrf(Page page) {
        Matcher m = CSRF.matcher(page.body);
        expect(m.find(), "a portal page with a CSRF token", page);
        return m.group(1);
    }

    private static void expect(boolean ok, String what, Page page) {
        if (!ok) {
            throw new IllegalStateException("expected " + what + (page == null ? "" : "; got " + page.status + " "
                    + page.url + " -> " + page.location + "\n" + page.body.substring(0, Math.min(800, page.body.length()))));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String s) {
        System.err.println("== " + s);
    }
}
