package cn.gov.jieyang.talent.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with file size: a 1 GiB material is signed and verified by a JVM limited to a
 * 64 MiB heap. A whole-file buffer anywhere would end in OutOfMemoryError. The verifier is told to read
 * that much ({@code --max-size}); by default it stops at 100 MiB.
 */
class LargeInputIT {

    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void signsAndVerifiesAOneGibibyteInputWithinSixtyFourMebibytesOfHeap() throws Exception {
        assertThat(Cli.run(dir, "dev-ca", "--out", "ca").exitCode()).isZero();
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("scan.bin").toFile(), "rw")) {
            f.setLength(ONE_GIB); // sparse: costs no disk to create, reads as zeros
        }

        Cli.Result sign = Cli.runWithHeap(dir, "64m", "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl",
                "--out", "big.asice", "scan.bin");
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(Files.size(dir.resolve("big.asice"))).isGreaterThan(ONE_GIB);
        Files.delete(dir.resolve("scan.bin"));

        Cli.Result verify = Cli.runWithHeap(dir, "64m", "verify", "--trust", "ca/ca.pem", "--max-size", "2GiB",
                "big.asice");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        // sha256 of 1 GiB of zeros, as `head -c 1073741824 /dev/zero | sha256sum` prints it
        assertThat(verify.out()).contains("49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14");
    }
}
