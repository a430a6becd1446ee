package cn.gov.jieyang.talent.authbridge.session;

/**
 * Authentication context classes, on Guangdong's unified identity platform scale: L2 self-declared
 * (account and password), L4 a real person whose face is consistent with the registered name and ID
 * number (粤信签 face verification).
 */
public final class Acr {

    /** Face-verified by 粤信签: a real person consistent with name and ID number. */
    public static final String FACE_VERIFIED = "urn:gd:trust:L4";
    /** Account and password: identity declared, not verified against a register. */
    public static final String PASSWORD = "urn:gd:trust:L2";

    private Acr() {
    }
}
