package cn.gov.jieyang.talent.portal.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where material files and signed packages are kept, and how large an upload may be.
 *
 * @param dir           the content store's directory (created if missing)
 * @param maxUploadSize the largest material file accepted
 */
@ConfigurationProperties("portal.storage")
public record StorageProperties(@DefaultValue("data/portal-files") Path dir,
        @DefaultValue("20MB") DataSize maxUploadSize) {
}
