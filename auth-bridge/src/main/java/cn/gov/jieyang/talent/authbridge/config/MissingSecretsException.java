package cn.gov.jieyang.talent.authbridge.config;

import java.util.List;

/** The bridge was started without some of its secrets; {@link #variables()} names them (never their values). */
public final class MissingSecretsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> variables;

    MissingSecretsException(List<String> variables) {
        super("the auth-bridge has no value for " + String.join(", ", variables)
                + " (outside the dev profile every secret must be set)");
        this.variables = List.copyOf(variables);
    }

    /** @return the environment variables that have no value, sorted */
    public List<String> variables() {
        return variables;
    }
}
