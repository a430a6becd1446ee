package cn.gov.jieyang.talent.portal.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lines of text laid out on A4 pages: wrapped at the margin (between any two characters, as Chinese text
 * wraps), a new page when one is full. A character the font cannot draw becomes "?" rather than failing
 * the whole report.
 */
final class ReportText {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private ReportText() {
    }

    /** A line and its size: a title, a heading or body text. */
    record Line(String text, float size, float gapBefore) {

        Line {
            Objects.requireNonNull(text, "text");
        }

        static Line title(String text) {
            return new Line(text, 16, 0);
        }

        static Line heading(String text) {
            return new Line(text, 12, 10);
        }

        static Line text(String text) {
            return new Line(text, 10, 0);
        }
    }

    static void write(PDDocument doc, PDFont font, List<Line> lines) throws IOException {
        PDPageContentStream page = null;
        float y = 0;
        try {
            for (Line line : lines) {
                for (String piece : wrap(font, drawable(font, line.text()), line.size())) {
                    float height = line.size() * 1.45f;
                    if (page == null || y - height - line.gapBefore() < MARGIN) {
                        if (page != null) {
                            page.close();
                        }
                        PDPage p = new PDPage(PDRectangle.A4);
                        doc.addPage(p);
                        page = new PDPageContentStream(doc, p);
                        y = PDRectangle.A4.getHeight() - MARGIN;
                    }
                    y -= height + line.gapBefore();
                    page.beginText();
                    page.setFont(font, line.size());
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(piece);
                    page.endText();
                }
            }
        } finally {
            if (page != null) {
                page.close();
            }
        }
    }

    /** The text with every character the font lacks (or that is a control character) replaced by "?". */
    static String drawable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = Character.isISOControl(cp) ? "?" : new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(PDFont font, String text, float size) throws IOException {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            float w = font.getStringWidth(c) / 1000 * size;
            if (width + w > WIDTH && current.length() > 0) {
                pieces.add(current.toString());
                current.setLength(0);
                width = 0;
            }
            current.append(c);
            width += w;
            i += Character.charCount(cp);
        }
        pieces.add(current.toString());
        return pieces;
    }
}
