package cn.gov.jieyang.talent.signing.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance this library passes explicitly to every JCA call that needs it.
 * It is deliberately not installed globally: an application embedding this library keeps its own
 * provider order. Bulk SHA-256 of file content uses the JDK's provider (CPU intrinsics, ~10x faster).
 */
public final class Providers {

    /** The Bouncy Castle provider. */
    public static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }
}
