package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static cn.gov.jieyang.talent.signing.PackageFixture.aSignedPackage;
import static cn.gov.jieyang.talent.signing.PackageFixture.someMaterials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The manifest we sign is an ETSI EN 319 162-1 {@code ASiCManifest}: it validates against ETSI's own
 * schema (src/test/resources/xsd/README.md says where the schemas come from), offline.
 */
class AsicManifestSchemaTest {

    /** Where the ETSI schema imports XML-Signature from; answered with the local copy. */
    private static final String XMLDSIG_LOCATION =
            "http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd";
    private static final Schema SCHEMA = loadSchema();

    @TempDir
    Path dir;

    @Test
    void theManifestOfASignedPackageIsAValidAsicManifest() throws Exception {
        Map<String, byte[]> files = someMaterials();
        // Chinese, a space and a percent sign: the URI attribute must still be an xsd:anyURI.
        files.put("学历/毕业 证书 100%.pdf", PackageFixture.pdf("graduation certificate", 2_000));

        byte[] manifest = manifestOf(aSignedPackage(dir, "p.asice", CA.sealP256(), files));

        validate(manifest);
        assertThat(new String(manifest, StandardCharsets.UTF_8))
                .contains("<asic:DataObjectReference URI=\"%E5%AD%A6%E5%8E%86/");
    }

    @Test
    void theArchiveManifestAddedByExtendIsAValidAsicManifestToo() throws Exception {
        Path p = aSignedPackage(dir);
        PackageExtender.addArchiveTimeStamp(p, PackageFixture.TSA);

        byte[] archive = Zips.get(Zips.read(p), "META-INF/ASiCArchiveManifest.xml");

        validate(archive);
        assertThat(new String(archive, StandardCharsets.UTF_8)).contains(
                "<asic:SigReference URI=\"META-INF/timestamp.tst\" MimeType=\"application/vnd.etsi.timestamp-token\"/>",
                "URI=\"META-INF/signature.p7s\"", "URI=\"META-INF/ASiCManifest.xml\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a misspelt element | 'ds:DigestValue>' | 'ds:DigestValu>' | DigestValu",
            "an element in the wrong namespace | '<ds:DigestMethod ' | '<asic:DigestMethod '"
                    + " | 02918/v1.2.1#\":DigestMethod",
            "an attribute renamed | '<asic:SigReference URI=' | '<asic:SigReference Where=' | Where",
            "a boolean that is not one | '<asic:DataObjectReference URI='"
                    + " | '<asic:DataObjectReference Rootfile=\"maybe\" URI=' | maybe"})
    void anEditedManifestIsNotAValidAsicManifest(String what, String from, String to, String named) {
        String genuine = new String(manifestOf(aSignedPackage(dir)), StandardCharsets.UTF_8);
        String edited = genuine.replace(from, to);
        assertThat(edited).as(what).isNotEqualTo(genuine);

        assertThatThrownBy(() -> validate(edited.getBytes(StandardCharsets.UTF_8))).as(what)
                .isInstanceOf(SAXParseException.class).hasMessageContaining(named);
    }

    private static byte[] manifestOf(Path asice) {
        return Zips.get(Zips.read(asice), "META-INF/ASiCManifest.xml");
    }

    private static void validate(byte[] manifest) throws SAXException, IOException {
        Validator v = SCHEMA.newValidator();
        // The document under test may not pull anything in either (xsi:schemaLocation, a DTD).
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new ByteArrayInputStream(manifest)));
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation();
            f.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                // Offline by construction: the one import is answered locally, anything else is refused.
                if (!XMLDSIG_LOCATION.equals(systemId)) {
                    throw new IllegalStateException("the schema asked for an unexpected resource: " + systemId);
                }
                LSInput input = ls.createLSInput();
                input.setSystemId(resource("xmldsig-core-schema.xsd").toString());
                input.setByteStream(open("xmldsig-core-schema.xsd"));
                return input;
            });
            URL etsi = resource("en_31916201v010101.xsd");
            return f.newSchema(new StreamSource(open("en_31916201v010101.xsd"), etsi.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the ETSI ASiC schema", e);
        }
    }

    private static URL resource(String name) {
        URL url = AsicManifestSchemaTest.class.getResource("/xsd/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource xsd/" + name);
        }
        return url;
    }

    private static InputStream open(String name) {
        try {
            return resource(name).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
