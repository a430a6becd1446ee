package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.SigningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where key-store passwords come from: the environment variable {@value #ENV} or a file. Never a
 * command-line argument, which any user on the machine can read in {@code ps}.
 */
final class Passwords {

    static final String ENV = "SIGNING_KEY_PASSWORD";

    private Passwords() {
    }

    static char[] read(Path passwordFile) {
        if (passwordFile != null) {
            try {
                String s = Files.readString(passwordFile, StandardCharsets.UTF_8);
                // A trailing newline from `echo pw > file` is not part of the password.
                return s.stripTrailing().toCharArray();
            } catch (IOException e) {
                throw new SigningException(SigningException.Reason.INVALID_INPUT,
                        "cannot read the password file " + passwordFile);
            }
        }
        String env = System.getenv(ENV);
        if (env == null || env.isEmpty()) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT,
                    "no key-store password: set " + ENV + " or use --password-file FILE");
        }
        return env.toCharArray();
    }
}
