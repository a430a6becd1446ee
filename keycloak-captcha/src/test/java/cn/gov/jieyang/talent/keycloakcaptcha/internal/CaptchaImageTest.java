package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CaptchaImageTest {

    @Test
    void theImageIsAPngOfTheFixedSizeWithInkOnIt() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(CaptchaImage.png("AB3K7")));

        assertThat(image.getWidth()).isEqualTo(CaptchaImage.WIDTH);
        assertThat(image.getHeight()).isEqualTo(CaptchaImage.HEIGHT);
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 120 && ((rgb >> 8) & 0xff) < 120 && (rgb & 0xff) < 130) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("dark glyph pixels").isGreaterThan(300);
        assertThat(CaptchaImage.dataUri("AB3K7")).startsWith("data:image/png;base64,iVBOR");
    }
}
