package cn.gov.jieyang.talent.authbridge.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free port on 127.0.0.1, for servers whose address another server must know before they start. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
