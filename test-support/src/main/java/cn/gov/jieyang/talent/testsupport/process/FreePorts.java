package cn.gov.jieyang.talent.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free port on 127.0.0.1, for servers whose address another server must know before they start. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A port nothing listens on right now (the kernel's choice, in its ephemeral range).
     *
     * @return the port
     */
    public static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
