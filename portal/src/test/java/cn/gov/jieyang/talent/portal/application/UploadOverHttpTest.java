package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Uploads over real HTTP into the real servlet container (MockMvc never runs Tomcat's multipart
 * parsing, where the container's limits, the CSRF filter's parameter read and malformed bodies meet):
 * each answer is the portal's own page, never the container's bare error page nor a 500. The login is
 * a session in the portal's session store holding the principal a bridge login would leave there; the
 * CSRF token is read from the page, as a browser's form carries it, first in the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.storage.max-upload-size=1MB",
        // The container's own multipart limits as they were before uploads were streamed (25/26 MB in
        // production), scaled to this test's 1 MB material limit.
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class UploadOverHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SessionRepository<? extends Session> sessions;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    DraftDriver driver;
    Applicants a;
    UUID id;
    String cookie;

    @BeforeEach
    void draftAndSession() throws Exception {
        driver = new DraftDriver(mvc, jdbc);
        a = Applicants.individual(jdbc);
        id = driver.create(a, "talent-recognition", "rent-subsidy");
        cookie = "SESSION=" + Base64.getEncoder().encodeToString(loggedInSession(a.subject()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesAFileStreamedWithTheTokenFirst() throws Exception {
        byte[] pdf = DraftDriver.pdf("over http " + UUID.randomUUID());
        HttpResponse<String> response = post(MaterialForm.body(csrfToken(), "证件.pdf", pdf));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/materials/id-document?uploaded");
        assertThat(driver.files(id, "id-document")).isEqualTo(1);
        assertThat(jdbc.sql("select file_name from application_material where application_id = ?").param(id)
                .query(String.class).single()).isEqualTo("证件.pdf");
    }

    @Test
    void answersAFileOverTheLimitWithThePortalsPageAndNoErrorLogged(CapturedOutput output) throws Exception {
        byte[] big = Arrays.copyOf(DraftDriver.pdf("big"), 4 * 1024 * 1024);

        HttpResponse<String> response = post(MaterialForm.body(csrfToken(), "big.pdf", big));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"error-summary\"").contains("文件超过 1 MB");
        assertThat(driver.files(id, "id-document")).isZero();
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void answersABodyCutOffInsideTheFileWith400AndStoresNothing(CapturedOutput output) throws Exception {
        byte[] pdf = Arrays.copyOf(DraftDriver.pdf("cut " + UUID.randomUUID()), 64 * 1024);
        byte[] whole = MaterialForm.body(csrfToken(), "a.pdf", pdf);
        // The client stops in the middle of the file: no closing boundary ever comes.
        byte[] cut = Arrays.copyOf(whole, whole.length - pdf.length / 2);

        HttpResponse<String> response = post(cut);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"error-summary\"").contains("上传的内容不完整");
        assertThat(driver.files(id, "id-document")).isZero();
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void answersABodyThatIsNotMultipartAtAllWith400() throws Exception {
        HttpResponse<String> response = post("no boundary here, just bytes".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(driver.files(id, "id-document")).isZero();
    }

    @Test
    void answersANulInAFileNameWith400() throws Exception {
        HttpResponse<String> response = post(MaterialForm.body(csrfToken(), "a\u0000b.pdf",
                DraftDriver.pdf("nul " + UUID.randomUUID())));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"error-summary\"").contains("文件名含有无效字符");
        assertThat(driver.files(id, "id-document")).isZero();
    }

    @Test
    void refusesATokenThatComesAfterTheFile() throws Exception {
        String token = csrfToken();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MaterialForm.filePart("file", "late.pdf", DraftDriver.pdf("late " + UUID.randomUUID())));
        out.writeBytes(MaterialForm.fieldPart("_csrf", token));
        out.writeBytes(MaterialForm.end());

        HttpResponse<String> response = post(out.toByteArray());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(driver.files(id, "id-document")).isZero();
    }

    /** A session holding what a bridge login of this applicant leaves in the session store. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String loggedInSession(String subject) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("test-" + UUID.randomUUID()).subject(subject)
                .claim("subject_type", "individual").claim("acr", "urn:gd:trust:L2").claim("name", "张三")
                .claim("roles", List.of("individual")).issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"),
                new SimpleGrantedAuthority("ROLE_INDIVIDUAL"));
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
                new DefaultOidcUser(authorities, idToken, "sub"), authorities, "auth-bridge");
        SessionRepository repository = sessions;
        Session session = repository.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(login));
        repository.save(session);
        return session.getId();
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri()).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String form = page.body().substring(page.body().indexOf("id=\"upload-form\""));
        assertThat(form.substring(form.indexOf("<input")))
                .as("the CSRF field is the form's first input, so it comes first in the body").startsWith(
                        "<input type=\"hidden\" name=\"_csrf\"");
        Matcher m = CSRF.matcher(form);
        assertThat(m.find()).as("the upload form has a CSRF field").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri()).header("Cookie", cookie)
                        .header("Content-Type", MaterialForm.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/applications/" + id + "/materials/id-document");
    }
}
