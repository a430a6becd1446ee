package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.signing.CheckpointSigner;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the checkpoint seal once at start ({@link AuditProperties.Seal}) into the signing library's
 * {@link CheckpointSigner}. Deny by default: a seal that is not configured or cannot be opened stops
 * the start, unless {@code required} is false (the {@code dev} profile), when the bridge runs with its
 * events still chained but without checkpoints, and says so at WARN.
 */
final class CheckpointSeal {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSeal.class);

    private CheckpointSeal() {
    }

    static Optional<CheckpointSigner> load(AuditProperties properties, Clock clock) {
        AuditProperties.Seal seal = properties.seal();
        String problem = problem(seal);
        if (problem != null) {
            if (seal.required()) {
                throw new IllegalStateException("the audit checkpoint seal is unusable: " + problem
                        + " (bridge.audit.seal.pkcs12 / BRIDGE_AUDIT_SEAL_PKCS12 and BRIDGE_AUDIT_SEAL_PASSWORD)");
            }
            log.warn("audit checkpoints are OFF (bridge.audit.seal.required=false): {}; events are still chained, "
                    + "but a cut-off tail would go unnoticed", problem);
            return Optional.empty();
        }
        try {
            SigningKey key = SigningKey.fromPkcs12(seal.pkcs12(), seal.password().toCharArray());
            CheckpointSigner.Builder builder = CheckpointSigner.builder(key).clock(clock);
            // Dev (not required): a seal directory without its CRL still seals; production insists on it.
            if (seal.crl() != null && (seal.required() || Files.isReadable(seal.crl()))) {
                builder.crl(PkiFiles.readCrl(seal.crl()));
            } else {
                log.warn("no CRL for the audit seal (bridge.audit.seal.crl): its checkpoints verify INDETERMINATE offline");
            }
            AuditProperties.Tsa tsa = properties.tsa();
            if (tsa.url() != null) {
                builder.timeStampSource(TimeStampSource.http(tsa.url(), tsa.timeout()));
            } else {
                log.warn("no TSA for audit checkpoints (bridge.audit.tsa.url): they prove nothing once the seal expires");
            }
            log.info("audit checkpoints sealed by \"{}\"{}", key.certificate().getSubjectX500Principal().getName(),
                    tsa.url() == null ? "" : ", time-stamped by " + tsa.url());
            return Optional.of(builder.build());
        } catch (SigningException e) {
            // The library's message names the file and the failure, never the password.
            throw new IllegalStateException("the audit checkpoint seal cannot be opened: " + e.getMessage(), e);
        }
    }

    private static String problem(AuditProperties.Seal seal) {
        if (seal.pkcs12() == null) {
            return "no seal is configured";
        }
        if (!Files.isRegularFile(seal.pkcs12()) || !Files.isReadable(seal.pkcs12())) {
            return "there is no readable key store at " + seal.pkcs12().toAbsolutePath();
        }
        if (seal.password() == null || seal.password().isEmpty()) {
            return "the key store's password is not set";
        }
        return null;
    }
}
