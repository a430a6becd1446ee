package cn.gov.jieyang.talent.signing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the bytes of one package entry. The signer opens it exactly once and closes it; the bytes are
 * streamed, never held whole in memory.
 */
@FunctionalInterface
public interface ContentSource {

    /**
     * Opens a fresh stream over the content.
     *
     * @return a new stream; the caller closes it
     * @throws IOException if the content cannot be read
     */
    InputStream open() throws IOException;
}
