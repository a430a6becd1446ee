package cn.gov.jieyang.talent.testsupport.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guard finds each kind of inline code a strict policy blocks, and nothing in clean markup. */
class InlineCodeTest {

    @Test
    void findsEachKindOfInlineCode() {
        String page = """
                <html><head><style>p { color: red }</style></head>
                <body><p style="color: red">a</p><p th:style="${s}">b</p>
                <button onclick="go()">c</button><a th:onclick="|go()|">d</a>
                <a th:attr="onmouseover=${x}">e</a><a href="javascript:go()">f</a>
                <script>go()</script><script type="module">go()</script></body></html>
                """;

        assertThat(InlineCode.in(page)).containsExactlyInAnyOrder(
                "line 1: <style> element", "line 2: style attribute", "line 2: style attribute",
                "line 3: event handler attribute", "line 3: event handler attribute",
                "line 4: event handler attribute", "line 4: javascript: URL",
                "line 5: inline <script>", "line 5: inline <script>");
    }

    @Test
    void passesScriptsAndStylesFromFiles() {
        String page = """
                <link rel="stylesheet" th:href="@{/css/portal.css}">
                <script th:src="@{/js/upload.js}" defer></script>
                <p class="online" data-one="x" aria-describedby="name-error" th:attr="data-max-bytes=${max}">online</p>
                """;

        assertThat(InlineCode.in(page)).isEmpty();
    }
}
