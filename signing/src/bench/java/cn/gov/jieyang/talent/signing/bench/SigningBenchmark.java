package cn.gov.jieyang.talent.signing.bench;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.MediaTypes;
import cn.gov.jieyang.talent.signing.PackageContents;
import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageSigner;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.SignedPackage;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark of {@link PackageSigner} and {@link PackageVerifier} against the "floor" for the same
 * bytes. Not part of the Maven build and not a unit test: {@code bench/signing-bench.sh} compiles and
 * runs it.
 *
 * <p>Usage: {@code SigningBenchmark [--drop-caches] [--reps-small=3] [--reps-large=2] <label>=<dir>
 * [<label>=<dir> ...]}. Each directory holds the inputs ({@code material-*.pdf}); the package and the
 * floor's output are written beside them. The first set is also the warm-up set; a one-file 1 KiB
 * package is written to {@code tiny/} beside the first set's directory to measure the fixed cost per
 * package (once cold, as the very first call in the JVM, and once warm).
 *
 * <p>Warm-up (untimed): 200 sign+verify of the 1 KiB package, then two rounds of all four contestants
 * on the first set, so that Bouncy Castle's EC code and the I/O loops are JIT-compiled: the figures
 * are steady-state figures, as in a long-running server.
 *
 * <p>Contestants per repetition, each preceded (untimed) by deleting its previous output,
 * {@code sync}, and with {@code --drop-caches} by dropping the page cache. The order alternates
 * between repetitions (library first in odd ones, floor first in even ones):
 * <ol>
 *   <li>sign: {@code PackageSigner.sign(contents, target)};</li>
 *   <li>sign floor: read every input once, SHA-256 it (JDK provider) and write it once to one output
 *       file, 1 MiB buffer;</li>
 *   <li>verify: {@code PackageVerifier} with the CA as trust anchor; the report must be valid;</li>
 *   <li>verify floor: read the package file once and SHA-256 it, 1 MiB buffer.</li>
 * </ol>
 * Sets up to 100 MiB get {@code --reps-small} repetitions, larger ones {@code --reps-large}. The best
 * (minimum) time of the repetitions is reported, since noise only ever adds time; every repetition and
 * the medians are printed too.
 */
public final class SigningBenchmark {

    private static final int BUFFER = 1 << 20;
    private static final double MIB = 1024.0 * 1024.0;

    private final DevelopmentCa ca;
    private final PackageSigner signer;
    private final PackageVerifier verifier;
    private final boolean dropCaches;
    private final int repsSmall;
    private final int repsLarge;

    private SigningBenchmark(boolean dropCaches, int repsSmall, int repsLarge) {
        this.ca = DevelopmentCa.generate();
        this.signer = PackageSigner.builder(ca.sealP256()).crl(ca.crl()).build();
        // The packages are the benchmark's own, as large as SIZES asks: no bound on what is inflated.
        this.verifier = PackageVerifier.builder().trustAnchor(ca.caCertificate()).maxInflatedSize(Long.MAX_VALUE)
                .build();
        this.dropCaches = dropCaches;
        this.repsSmall = repsSmall;
        this.repsLarge = repsLarge;
    }

    /** One input set: a label ("20 MB"), its directory and its files. */
    private record InputSet(String label, Path dir, List<Path> files, long bytes) {
        Path packageFile() {
            return dir.resolve("package.asice");
        }

        Path floorFile() {
            return dir.resolve("floor-sign.out");
        }
    }

    /** The best and all times of one contestant, in seconds. */
    private record Times(double[] all) {
        double best() {
            return Arrays.stream(all).min().orElseThrow();
        }

        double median() {
            double[] s = all.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        String list() {
            StringBuilder b = new StringBuilder();
            for (double t : all) {
                b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", t));
            }
            return b.toString();
        }
    }

    private record Result(InputSet set, long packageBytes, Times sign, Times signFloor, Times verify,
                          Times verifyFloor) {
    }

    public static void main(String[] args) throws Exception {
        boolean drop = false;
        int repsSmall = 3;
        int repsLarge = 2;
        List<InputSet> sets = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--drop-caches")) {
                drop = true;
            } else if (a.startsWith("--reps-small=")) {
                repsSmall = Integer.parseInt(a.substring("--reps-small=".length()));
            } else if (a.startsWith("--reps-large=")) {
                repsLarge = Integer.parseInt(a.substring("--reps-large=".length()));
            } else {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    usage();
                }
                sets.add(inputSet(a.substring(0, eq), Path.of(a.substring(eq + 1))));
            }
        }
        if (sets.isEmpty()) {
            usage();
        }
        if (repsSmall < 1 || repsLarge < 1) {
            usage();
        }
        new SigningBenchmark(drop, repsSmall, repsLarge).run(sets);
    }

    private static void usage() {
        System.err.println("usage: SigningBenchmark [--drop-caches] [--reps-small=N] [--reps-large=N] "
                + "<label>=<dir> [<label>=<dir> ...]");
        System.exit(2);
    }

    private static InputSet inputSet(String label, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("material-\\d+\\.pdf")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no material-*.pdf in " + dir);
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        return new InputSet(label, dir, files, bytes);
    }

    private void run(List<InputSet> sets) throws Exception {
        System.out.printf(Locale.ROOT, "JVM: %s %s, max heap %d MiB, %d CPUs%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "SHA-256 provider for the floors: %s%n", sha256().getProvider().getName());
        System.out.println("Page cache: " + (dropCaches
                ? "COLD - sync + drop_caches before every timed run"
                : "WARM - inputs and package stay in the page cache; sync before every timed run"));

        // Fixed cost per package, cold: the very first sign and verify in this JVM (class loading,
        // Bouncy Castle's initialisation, interpreted code), on a one-file 1 KiB package.
        InputSet tiny = tinySet(sets.get(0).dir().toAbsolutePath().getParent().resolve("tiny"));
        double coldSign = sign(tiny);
        double coldVerify = verify(tiny);

        InputSet warm = sets.get(0);
        System.out.println("Warm-up (untimed): 200 x sign+verify of 1 KiB, 2 rounds on " + warm.label() + " ...");
        for (int i = 0; i < 200; i++) {
            sign(tiny);
            verify(tiny);
        }
        for (int i = 0; i < 2; i++) {
            sign(warm);
            signFloor(warm);
            verify(warm);
            verifyFloor(warm);
        }

        // Fixed cost per package, warm: best of 20.
        double warmSign = Double.MAX_VALUE;
        double warmVerify = Double.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            Files.deleteIfExists(tiny.packageFile());
            warmSign = Math.min(warmSign, sign(tiny));
            warmVerify = Math.min(warmVerify, verify(tiny));
        }

        List<Result> results = new ArrayList<>();
        for (InputSet set : sets) {
            int reps = set.bytes() <= 100L << 20 ? repsSmall : repsLarge;
            results.add(measure(set, reps));
        }
        print(results);
        System.out.println();
        System.out.printf(Locale.ROOT, "Fixed cost per package (one 1 KiB file): cold first call in the JVM: sign %.1f ms, "
                + "verify %.1f ms; warm (best of 20): sign %.1f ms, verify %.1f ms%n",
                coldSign * 1e3, coldVerify * 1e3, warmSign * 1e3, warmVerify * 1e3);
    }

    private Result measure(InputSet set, int reps) throws Exception {
        System.out.printf(Locale.ROOT, "Measuring %s: %d files, %d bytes, %d repetitions ...%n", set.label(),
                set.files().size(), set.bytes(), reps);
        double[] sign = new double[reps];
        double[] signFloor = new double[reps];
        double[] verify = new double[reps];
        double[] verifyFloor = new double[reps];
        for (int r = 0; r < reps; r++) {
            boolean libraryFirst = r % 2 == 0;
            if (libraryFirst) {
                sign[r] = timedSign(set);
                signFloor[r] = timedSignFloor(set);
                settle();
                verify[r] = verify(set);
                settle();
                verifyFloor[r] = verifyFloor(set);
            } else {
                signFloor[r] = timedSignFloor(set);
                sign[r] = timedSign(set);
                settle();
                verifyFloor[r] = verifyFloor(set);
                settle();
                verify[r] = verify(set);
            }
            System.out.printf(Locale.ROOT, "  rep %d (%s first): sign %.3f s, sign floor %.3f s, verify %.3f s, "
                    + "verify floor %.3f s%n", r + 1, libraryFirst ? "library" : "floor", sign[r], signFloor[r],
                    verify[r], verifyFloor[r]);
        }
        return new Result(set, Files.size(set.packageFile()), new Times(sign), new Times(signFloor),
                new Times(verify), new Times(verifyFloor));
    }

    private double timedSign(InputSet set) throws Exception {
        Files.deleteIfExists(set.packageFile());
        settle();
        return sign(set);
    }

    private double timedSignFloor(InputSet set) throws Exception {
        Files.deleteIfExists(set.floorFile());
        settle();
        return signFloor(set);
    }

    /** A one-file 1 KiB package, for the fixed cost per package. */
    private static InputSet tinySet(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = new byte[1024];
        new java.util.Random(1).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        Files.write(dir.resolve("material-1.pdf"), bytes);
        return inputSet("1KiB", dir);
    }

    /** Same cache and dirty-page state for every contestant: flush writes, optionally drop the cache. */
    private void settle() throws IOException, InterruptedException {
        System.gc();
        exec("sync");
        if (dropCaches) {
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
        }
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        int rc = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + rc);
        }
    }

    // --- contestants -----------------------------------------------------------------------------

    private double sign(InputSet set) throws Exception {
        PackageContents.Builder b = PackageContents.builder();
        for (Path f : set.files()) {
            String type = MediaTypes.detect(f);
            if (!type.equals(MediaTypes.PDF)) {
                throw new IllegalStateException(f + " is detected as " + type + ", expected a PDF (stored entry)");
            }
            b.add(PackageEntry.of(f.getFileName().toString(), type, f));
        }
        PackageContents contents = b.build();
        long t0 = System.nanoTime();
        SignedPackage p = signer.sign(contents, set.packageFile());
        long t1 = System.nanoTime();
        long signed = p.files().stream().mapToLong(FileDigest::size).sum();
        if (signed != set.bytes()) {
            throw new IllegalStateException("signed " + signed + " bytes, expected " + set.bytes());
        }
        return (t1 - t0) / 1e9;
    }

    private double verify(InputSet set) {
        long t0 = System.nanoTime();
        VerificationReport report = verifier.verify(set.packageFile());
        long t1 = System.nanoTime();
        if (!report.isValid()) {
            throw new IllegalStateException("the package did not verify: " + report);
        }
        return (t1 - t0) / 1e9;
    }

    /** Read every input once, SHA-256 it, write it once to one output file. */
    private double signFloor(InputSet set) throws IOException {
        byte[] array = new byte[BUFFER];
        ByteBuffer buf = ByteBuffer.wrap(array);
        byte[] sink = new byte[0];
        long t0 = System.nanoTime();
        try (FileChannel out = FileChannel.open(set.floorFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Path f : set.files()) {
                MessageDigest md = sha256();
                try (FileChannel in = FileChannel.open(f, StandardOpenOption.READ)) {
                    for (int n; (n = in.read(buf.clear())) > 0; ) {
                        md.update(array, 0, n);
                        buf.flip();
                        while (buf.hasRemaining()) {
                            out.write(buf);
                        }
                    }
                }
                sink = md.digest();
            }
        }
        long t1 = System.nanoTime();
        blackhole(sink);
        return (t1 - t0) / 1e9;
    }

    /** Read the package once and SHA-256 it. */
    private double verifyFloor(InputSet set) throws IOException {
        byte[] array = new byte[BUFFER];
        ByteBuffer buf = ByteBuffer.wrap(array);
        long t0 = System.nanoTime();
        MessageDigest md = sha256();
        try (FileChannel in = FileChannel.open(set.packageFile(), StandardOpenOption.READ)) {
            for (int n; (n = in.read(buf.clear())) > 0; ) {
                md.update(array, 0, n);
            }
        }
        byte[] digest = md.digest();
        long t1 = System.nanoTime();
        blackhole(digest);
        return (t1 - t0) / 1e9;
    }

    private static volatile String blackhole;

    private static void blackhole(byte[] b) {
        blackhole = HexFormat.of().formatHex(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- report ----------------------------------------------------------------------------------

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("Best of the repetitions (seconds); ratio = library / floor; target: ratio <= 1.30");
        System.out.println();
        String head = "| size   | package MiB | sign s | sign floor s | sign ratio | sign MiB/s "
                + "| verify s | read+sha256 floor s | verify ratio | verify MiB/s |";
        System.out.println(head);
        System.out.println(head.replaceAll("[^|]", "-"));
        for (Result r : results) {
            double mib = r.set().bytes() / MIB;
            double pkgMib = r.packageBytes() / MIB;
            double signRatio = r.sign().best() / r.signFloor().best();
            double verifyRatio = r.verify().best() / r.verifyFloor().best();
            System.out.printf(Locale.ROOT,
                    "| %-6s | %11.1f | %6.3f | %12.3f | %8.2fx%s | %10.0f | %8.3f | %19.3f | %10.2fx%s | %12.0f |%n",
                    r.set().label(), pkgMib, r.sign().best(), r.signFloor().best(), signRatio, mark(signRatio),
                    mib / r.sign().best(), r.verify().best(), r.verifyFloor().best(), verifyRatio, mark(verifyRatio),
                    pkgMib / r.verify().best());
        }
        System.out.println();
        System.out.println("(* = over the 1.30x target)  Every repetition, and medians:");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  %-6s sign [%s] median %.3f | sign floor [%s] median %.3f%n",
                    r.set().label(), r.sign().list(), r.sign().median(), r.signFloor().list(),
                    r.signFloor().median());
            System.out.printf(Locale.ROOT, "  %-6s verify [%s] median %.3f | verify floor [%s] median %.3f%n",
                    r.set().label(), r.verify().list(), r.verify().median(), r.verifyFloor().list(),
                    r.verifyFloor().median());
        }
    }

    private static String mark(double ratio) {
        return ratio <= 1.30 ? " " : "*";
    }
}
