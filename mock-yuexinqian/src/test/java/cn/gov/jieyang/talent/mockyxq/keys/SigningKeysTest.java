package cn.gov.jieyang.talent.mockyxq.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void firstUseCreatesTheKeyFileAndLaterUsesLoadTheSameKey() throws Exception {
        SigningKeys first = new SigningKeys(dataDir, "secret-1");
        Path file = dataDir.resolve("keys.p12");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        SigningKeys second = new SigningKeys(dataDir, "secret-1");

        assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
        assertThat(second.signingKey().toPublicJWK()).isEqualTo(first.signingKey().toPublicJWK());
        assertThat(second.signingKey().toECPrivateKey().getS()).isEqualTo(first.signingKey().toECPrivateKey().getS());
    }

    @Test
    void kidIsTheKeyThumbprint() throws Exception {
        SigningKeys keys = new SigningKeys(dataDir, "secret-1");

        assertThat(keys.signingKey().getKeyID()).isEqualTo(keys.signingKey().computeThumbprint().toString());
    }

    @Test
    void aWrongPasswordStopsWithAMessageThatNamesThePropertyButNotThePassword() {
        new SigningKeys(dataDir, "secret-1");

        assertThatThrownBy(() -> new SigningKeys(dataDir, "secret-2"))
                .hasMessageContaining("mock.yuexinqian.keystore-password")
                .hasMessageNotContaining("secret-1")
                .hasMessageNotContaining("secret-2");
    }

    @Test
    void publishedSetHoldsOnlyThePublicSigningKey() {
        SigningKeys keys = new SigningKeys(dataDir, "secret-1");

        assertThat(keys.publicJwkSet().getKeys()).hasSize(1);
        JWK published = keys.publicJwkSet().getKeys().get(0);
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyID()).isEqualTo(keys.signingKey().getKeyID());
        assertThat(keys.publicJwkSet().toString(true)).doesNotContain("\"d\"");
    }

    @Test
    void theForeignKeyIsAnotherKeyAndNotPublished() {
        SigningKeys keys = new SigningKeys(dataDir, "secret-1");

        assertThat(keys.foreignKey().getKeyID()).isNotEqualTo(keys.signingKey().getKeyID());
        assertThat(keys.publicJwkSet().getKeyByKeyId(keys.foreignKey().getKeyID())).isNull();
    }
}
