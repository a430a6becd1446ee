package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ForwardedKeycloakEventTest {

    private static final String ID = "67133cd2-bb68-4937-976b-72e108ccae36";
    private static final String USER = "0b1c2d3e-4f50-4617-8283-94a5b6c7d8e9";

    private static ForwardedKeycloakEvent parse(String json) {
        return ForwardedKeycloakEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String field, String value) {
        String json = "{\"id\":\"" + ID + "\",\"type\":\"LOGIN_ERROR\",\"time\":1,\"clientId\":\"auth-bridge\","
                + "\"userId\":\"" + USER + "\",\"authMethod\":\"openid-connect\","
                + "\"error\":\"invalid_user_credentials\"}";
        return field == null ? json : json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|true|\\d+)", "\"" + field + "\":" + value);
    }

    @Test
    void aForwardOfTheListenerIsReadFieldByField() {
        ForwardedKeycloakEvent e = parse(event(null, null));

        assertThat(e).isEqualTo(new ForwardedKeycloakEvent(ID, "auth-bridge", USER, "invalid_user_credentials"));
    }

    @Test
    void anUnknownAccountHasNoUserIdAndIsStillAnEvent() {
        assertThat(parse(event("userId", "null")).userId()).isNull();
    }

    @Test
    void onlyLoginErrorsAreTaken() {
        assertThatThrownBy(() -> parse(event("type", "\"LOGIN\""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsOfAnotherShapeAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> parse(event("id", "\"zhang.san\""))).hasMessage("id has an unexpected form");
        assertThatThrownBy(() -> parse(event("userId", "\"zhang.san\""))).hasMessage("userId has an unexpected form");
        assertThatThrownBy(() -> parse(event("error", "\"Invalid password for zhang.san\"")))
                .hasMessage("error has an unexpected form");
        assertThatThrownBy(() -> parse(event("clientId", "\"a.b\""))).hasMessage("clientId has an unexpected form");
        assertThatThrownBy(() -> parse(event("error", "42"))).hasMessage("error has an unexpected form");
        assertThatThrownBy(() -> parse("[1,2]")).hasMessage("not a JSON object");
    }
}
