package cn.gov.jieyang.talent.portal.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The font the PDF reports are drawn in: a TrueType font or collection with Chinese glyphs, embedded as a
 * subset so that the report reads the same on any machine. Without the file (a machine without Debian's
 * {@code fonts-wqy-microhei}) reports fall back to Helvetica, their Chinese characters shown as "?", and
 * the start says so once.
 */
@Component
@EnableConfigurationProperties(ReportFonts.Properties.class)
class ReportFonts {

    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    private final Path file;

    ReportFonts(Properties properties) {
        this.file = properties.fontFile();
        if (!Files.isReadable(file)) {
            log.warn("PDF reports: font {} is missing (install fonts-wqy-microhei or set portal.audit.report.font-file); "
                    + "Chinese text in reports will show as '?'", file);
        }
    }

    /**
     * The font, loaded into the document (each document gets its own subset). Close it after the
     * document is saved: PDFBox reads the glyphs from the file when it saves.
     */
    Loaded load(PDDocument doc) throws IOException {
        if (!Files.isReadable(file)) {
            return new Loaded(new PDType1Font(Standard14Fonts.FontName.HELVETICA), () -> { });
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            try {
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(font -> first.compareAndSet(null, font));
                return new Loaded(PDType0Font.load(doc, first.get(), true), collection::close);
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
        }
        return new Loaded(PDType0Font.load(doc, file.toFile()), () -> { });
    }

    /** A font and the file it is read from. */
    record Loaded(PDFont font, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /**
     * Where the report font is ({@code portal.audit.report.*}).
     *
     * @param fontFile a .ttf or .ttc with CJK glyphs (default: Debian's WenQuanYi Micro Hei)
     */
    @ConfigurationProperties("portal.audit.report")
    record Properties(@DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") Path fontFile) {
    }
}
