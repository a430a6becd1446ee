package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Draws the challenge text as a PNG, inside Keycloak (java.awt, headless): rotated, shifted glyphs in
 * dark colours over light noise lines. Readable by a person with ordinary sight, not by a plain OCR
 * call; the proof-of-work path is there for everyone who cannot read it.
 */
public final class CaptchaImage {

    /** Pixels; the theme scales it to the width of a phone's input field. */
    public static final int WIDTH = 180;
    /** Pixels. */
    public static final int HEIGHT = 60;

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // Keycloak runs without a display; AWT must never try to open one.
        System.setProperty("java.awt.headless", "true");
    }

    private CaptchaImage() {
    }

    /**
     * The image as a {@code data:} URI (no second request, nothing cached, nothing to fetch by id).
     *
     * @param text the characters
     * @return {@code data:image/png;base64,...}
     */
    public static String dataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }

    static byte[] png(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xf6f7f9));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 6; i++) {
                g.setColor(new Color(150 + RANDOM.nextInt(80), 150 + RANDOM.nextInt(80), 150 + RANDOM.nextInt(80)));
                g.setStroke(new BasicStroke(1 + RANDOM.nextInt(2)));
                g.drawLine(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT));
            }
            int step = (WIDTH - 20) / text.length();
            for (int i = 0; i < text.length(); i++) {
                Font font = new Font(Font.SANS_SERIF, Font.BOLD, 30 + RANDOM.nextInt(6));
                double angle = Math.toRadians(RANDOM.nextInt(41) - 20);
                g.setFont(font.deriveFont(AffineTransform.getRotateInstance(angle)));
                // Dark enough for a contrast of at least 4.5:1 on the light background.
                g.setColor(new Color(RANDOM.nextInt(90), RANDOM.nextInt(70), RANDOM.nextInt(110)));
                int x = 10 + i * step + RANDOM.nextInt(6);
                int y = 40 + RANDOM.nextInt(10);
                g.drawString(String.valueOf(text.charAt(i)), x, y);
            }
            g.setColor(new Color(90, 90, 110));
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(0, 20 + RANDOM.nextInt(20), WIDTH, 20 + RANDOM.nextInt(20));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
