package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.session.SessionEnded;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * When a bridge session ends, its authorizations go with it: their rows are deleted, so introspection
 * answers {@code active: false} and userinfo refuses the access tokens (both look the token up), and
 * no code of the session can still be redeemed. The relying parties that held those authorizations
 * are then told by back-channel logout — unless the session was replaced by a step-up, whose relying
 * party is in the middle of logging the same person in again.
 */
@Component
class SessionEndRevocation {

    private static final Logger log = LoggerFactory.getLogger(SessionEndRevocation.class);

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final LogoutProperties properties;
    private final BackChannelLogout backChannel;

    SessionEndRevocation(JdbcClient jdbc, RegisteredClientRepository clients, LogoutProperties properties,
                         BackChannelLogout backChannel) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.properties = properties;
        this.backChannel = backChannel;
    }

    @EventListener
    void on(SessionEnded ended) {
        Set<String> registeredClientIds = new LinkedHashSet<>(jdbc.sql("""
                delete from oauth2_authorization where principal_name = :sid returning registered_client_id""")
                .param("sid", ended.sid()).query(String.class).list());
        if (!registeredClientIds.isEmpty()) {
            log.info("tokens revoked: sid={} authorizations of {} client(s)", ended.sid(), registeredClientIds.size());
        }
        if (!ended.why().endsEverywhere()) {
            return;
        }
        for (String id : registeredClientIds) {
            RegisteredClient client = clients.findById(id);
            URI uri = client == null ? null : properties.backChannel().get(client.getClientId());
            if (uri != null) {
                backChannel.send(client.getClientId(), uri, ended);
            }
        }
    }
}
