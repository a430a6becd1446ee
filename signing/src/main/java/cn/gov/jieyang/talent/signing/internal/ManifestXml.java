package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.FileDigest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes and reads {@code META-INF/ASiCManifest.xml} (ETSI EN 319 162-1, namespace
 * {@value #ASIC_NS}).
 *
 * <p>Writing is done by hand so the bytes are exactly predictable (they are what gets signed).
 * Reading uses a hardened parser: no DTDs, no external entities, no XInclude; anything unexpected
 * is a {@link FormatException}.
 */
public final class ManifestXml {

    /** The ASiC namespace. */
    public static final String ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#";
    /** The XML-DSig namespace. */
    public static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    /** The XML-Enc identifier of SHA-256. */
    public static final String SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256";

    private ManifestXml() {
    }

    /** A parsed manifest. */
    public record Parsed(String sigReferenceUri, List<FileDigest> references) {
    }

    /**
     * Serialises a manifest.
     *
     * @param files the files with their digests
     * @return the UTF-8 bytes
     */
    public static byte[] write(List<FileDigest> files) {
        return write(Asic.SIGNATURE_ENTRY, Asic.SIGNATURE_MEDIA_TYPE, files);
    }

    /** Serialises a manifest whose SigReference is another file (the archive manifest's time-stamp). */
    static byte[] write(String sigUri, String sigMediaType, List<FileDigest> files) {
        StringBuilder b = new StringBuilder(256 + files.size() * 256);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        b.append("<asic:ASiCManifest xmlns:asic=\"").append(ASIC_NS).append("\" xmlns:ds=\"").append(DS_NS)
                .append("\">\n");
        b.append("  <asic:SigReference URI=\"").append(Uris.encode(sigUri)).append("\" MimeType=\"")
                .append(sigMediaType).append("\"/>\n");
        for (FileDigest f : files) {
            b.append("  <asic:DataObjectReference URI=\"").append(Uris.encode(f.name()))
                    .append("\" MimeType=\"").append(escape(f.mediaType())).append("\">\n");
            b.append("    <ds:DigestMethod Algorithm=\"").append(SHA256_URI).append("\"/>\n");
            b.append("    <ds:DigestValue>").append(Base64.getEncoder().encodeToString(f.sha256()))
                    .append("</ds:DigestValue>\n");
            b.append("  </asic:DataObjectReference>\n");
        }
        b.append("</asic:ASiCManifest>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a manifest.
     *
     * @param xml the manifest bytes (already bounded in size by the reader)
     * @return the signature reference and the file references
     * @throws FormatException when the manifest is not well-formed or not an ASiC manifest
     */
    public static Parsed parse(byte[] xml) {
        Document doc = parseDocument(xml);
        Element root = doc.getDocumentElement();
        if (!ASIC_NS.equals(root.getNamespaceURI()) || !"ASiCManifest".equals(root.getLocalName())) {
            throw new FormatException("the manifest's root element is not asic:ASiCManifest");
        }
        String sigUri = null;
        List<FileDigest> refs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (!ASIC_NS.equals(e.getNamespaceURI())) {
                throw new FormatException("unexpected element in manifest: " + e.getTagName());
            }
            switch (e.getLocalName()) {
                case "SigReference" -> {
                    if (sigUri != null) {
                        throw new FormatException("the manifest has more than one SigReference");
                    }
                    sigUri = Uris.decode(e.getAttribute("URI"));
                }
                case "DataObjectReference" -> {
                    FileDigest ref = dataObjectReference(e);
                    if (!seen.add(ref.name())) {
                        throw new FormatException("the manifest references " + ref.name() + " twice");
                    }
                    refs.add(ref);
                }
                case "ASiCManifestExtensions" -> {
                    // Allowed by the schema; nothing in it changes what is covered.
                }
                default -> throw new FormatException("unexpected element in manifest: " + e.getTagName());
            }
        }
        if (sigUri == null) {
            throw new FormatException("the manifest has no SigReference");
        }
        if (refs.isEmpty()) {
            throw new FormatException("the manifest references no files");
        }
        return new Parsed(sigUri, refs);
    }

    private static FileDigest dataObjectReference(Element e) {
        String name = Uris.decode(e.getAttribute("URI"));
        String mediaType = e.getAttribute("MimeType");
        Element method = onlyChild(e, DS_NS, "DigestMethod");
        Element value = onlyChild(e, DS_NS, "DigestValue");
        if (!SHA256_URI.equals(method.getAttribute("Algorithm"))) {
            throw new FormatException("unsupported digest method for " + name + ": " + method.getAttribute("Algorithm"));
        }
        byte[] digest;
        try {
            digest = Base64.getMimeDecoder().decode(value.getTextContent().trim());
        } catch (IllegalArgumentException ex) {
            throw new FormatException("the digest of " + name + " is not base64");
        }
        if (digest.length != 32) {
            throw new FormatException("the digest of " + name + " is not a SHA-256 digest");
        }
        return new FileDigest(name, mediaType.isEmpty() ? "application/octet-stream" : mediaType, -1, digest);
    }

    private static Element onlyChild(Element parent, String ns, String localName) {
        Element found = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                if (found != null) {
                    throw new FormatException("more than one ds:" + localName + " in a reference");
                }
                found = e;
            }
        }
        if (found == null) {
            throw new FormatException("a reference has no ds:" + localName);
        }
        return found;
    }

    /**
     * One hardened parser per thread: building the factory costs more than parsing a manifest, and
     * {@link DocumentBuilder} is not thread-safe.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(ManifestXml::newParser);

    private static DocumentBuilder newParser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // Security: a manifest comes from whoever handed us the package. No DOCTYPE at all means
            // no external entities (XXE) and no entity expansion (billion laughs).
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the XML parser", e);
        }
    }

    private static Document parseDocument(byte[] xml) {
        DocumentBuilder db = PARSER.get();
        // Set on every use: reset() below restores the builder to its factory state.
        db.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
        db.setEntityResolver((publicId, systemId) -> {
            throw new FormatException("external entities are not allowed in the manifest");
        });
        try {
            return db.parse(new ByteArrayInputStream(xml));
        } catch (FormatException e) {
            throw e;
        } catch (Exception e) {
            throw new FormatException("the manifest is not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            db.reset();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Percent-encoding of entry names in manifest URIs (RFC 3986), as ASiC validators expect. */
    static final class Uris {
        private Uris() {
        }

        static String encode(String name) {
            StringBuilder b = new StringBuilder();
            for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
                int c = x & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                    b.append((char) c);
                } else {
                    b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return b.toString();
        }

        static String decode(String uri) {
            if (uri == null || uri.isEmpty()) {
                throw new FormatException("a manifest reference has no URI");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < uri.length(); i++) {
                char c = uri.charAt(i);
                if (c == '%') {
                    if (i + 2 >= uri.length()) {
                        throw new FormatException("malformed percent-encoding in manifest URI");
                    }
                    int hi = Character.digit(uri.charAt(i + 1), 16);
                    int lo = Character.digit(uri.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        throw new FormatException("malformed percent-encoding in manifest URI");
                    }
                    out.write(hi << 4 | lo);
                    i += 2;
                } else {
                    byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    out.write(bytes, 0, bytes.length);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
