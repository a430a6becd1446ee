package cn.gov.jieyang.talent.mockyxq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stand-in's pages failed axe's colour-contrast rule (issue 9, finding 9): small white text at
 * 85 % opacity on the accent and danger buttons came to 4.3:1 and 4.4:1. Every text colour pair the
 * stylesheet uses must reach WCAG's 4.5:1, and no text may be made translucent (axe computes the
 * blended colour, which this check could not see).
 */
class StylesheetContrastTest {

    private static final String CSS = read();

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "#fff, --accent", "#fff, --danger", "--text, #fff", "--text, --bg", "--muted, #fff", "--muted, --bg",
            "--accent, #fff", "--accent, --bg", "--danger, #fff"})
    void everyTextColourReachesFourAndAHalfToOne(String text, String background) {
        assertThat(ratio(color(text), color(background))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void noTextIsTranslucent() {
        assertThat(CSS).doesNotContainPattern("(?m)^[^{}]*\\{[^}]*\\bopacity\\s*:");
    }

    private static int[] color(String token) {
        String hex = token.startsWith("--") ? variables().get(token) : token;
        assertThat(hex).as(token).isNotNull();
        hex = hex.substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return new int[] {Integer.parseInt(hex.substring(0, 2), 16), Integer.parseInt(hex.substring(2, 4), 16),
                Integer.parseInt(hex.substring(4, 6), 16)};
    }

    private static Map<String, String> variables() {
        Map<String, String> vars = new HashMap<>();
        Matcher m = Pattern.compile("(--[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{3,6})").matcher(CSS);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        return vars;
    }

    /** WCAG 2.x contrast ratio. */
    static double ratio(int[] a, int[] b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static String read() {
        try (InputStream in = StylesheetContrastTest.class.getResourceAsStream("/static/css/mock.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
