package cn.gov.jieyang.talent.testsupport.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Content-Security-Policy without {@code 'unsafe-inline'} would block in a template: inline
 * {@code <script>} and {@code <style>} elements, {@code style} attributes, event handler attributes
 * ({@code onclick=}, also as {@code th:onclick} or inside {@code th:attr}) and {@code javascript:}
 * URLs. A cheap guard: the apps' pages would break silently in a browser, not in a MockMvc test.
 */
public final class InlineCode {

    private static final Map<String, Pattern> KINDS = Map.of(
            "inline <script>", Pattern.compile("<script\\b(?![^>]*\\bsrc\\s*=)[^>]*>", Pattern.CASE_INSENSITIVE),
            "<style> element", Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
            "style attribute", Pattern.compile("[\\s\"',](?:th:|data-th-)?style\\s*=", Pattern.CASE_INSENSITIVE),
            "event handler attribute", Pattern.compile("[\\s\"',](?:th:|data-th-)?on[a-z]+\\s*=",
                    Pattern.CASE_INSENSITIVE),
            "javascript: URL", Pattern.compile("javascript\\s*:", Pattern.CASE_INSENSITIVE));

    private InlineCode() {
    }

    /**
     * The inline code in one page's markup.
     *
     * @param html the markup
     * @return one finding per occurrence, e.g. {@code line 12: style attribute}; empty when there is none
     */
    public static List<String> in(String html) {
        List<String> findings = new ArrayList<>();
        KINDS.forEach((kind, pattern) -> {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                findings.add("line " + (1 + html.substring(0, m.start()).chars().filter(c -> c == '\n').count())
                        + ": " + kind);
            }
        });
        return findings;
    }

    /**
     * The inline code in every {@code .html} file under a folder.
     *
     * @param templates e.g. {@code src/main/resources/templates}
     * @return one finding per occurrence, each prefixed with its file
     * @throws IllegalArgumentException when the folder holds no template (a wrong path would pass)
     */
    public static List<String> inTemplates(Path templates) {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            List<Path> html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            if (html.isEmpty()) {
                throw new IllegalArgumentException("no templates under " + templates.toAbsolutePath());
            }
            for (Path file : html) {
                in(Files.readString(file, StandardCharsets.UTF_8))
                        .forEach(f -> findings.add(templates.relativize(file) + " " + f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }
}
