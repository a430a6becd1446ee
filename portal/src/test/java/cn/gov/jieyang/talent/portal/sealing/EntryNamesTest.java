package cn.gov.jieyang.talent.portal.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.signing.PackageEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entry names inside a package never come from the applicant's file name as is. */
class EntryNamesTest {

    private static final String SHA = "a".repeat(64);

    private static MaterialFile file(String code, String name, String type) {
        return new MaterialFile(code, SHA, name, type, 10);
    }

    @Test
    void namesEntriesByMaterialAndPositionWithTheContentsExtension() {
        List<String> names = EntryNames.assign(List.of(
                file("id-document", "身份证 正面.JPG", "image/jpeg"),
                file("id-document", "身份证 正面.JPG", "image/jpeg"),
                file("employer-recommendation-letter", "letter.exe", "application/pdf")));

        assertThat(names).containsExactly(
                "materials/id-document/1-身份证_正面.jpg",
                "materials/id-document/2-身份证_正面.jpg",
                "materials/employer-recommendation-letter/1-letter.pdf");
    }

    @Test
    void neutralisesHostileFileNames() {
        List<String> hostile = List.of("../../etc/passwd", "..\\..\\boot.ini", "/abs/META-INF/x.pdf", "a:b\u0000c\n.pdf",
                "....", "\u202Efdp.exe", "mimetype", "x".repeat(500) + ".pdf");
        List<String> names = EntryNames.assign(hostile.stream().map(n -> file("id-document", n, "application/pdf")).toList());

        assertThat(names).allSatisfy(n -> {
            assertThat(PackageEntry.nameProblem(n)).as(n).isNull();
            assertThat(n).startsWith("materials/id-document/").doesNotContain("..", "\\", ":", "\u202E")
                    .endsWith(".pdf");
        });
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names.get(0)).isEqualTo("materials/id-document/1-passwd.pdf");
        assertThat(names.get(4)).isEqualTo("materials/id-document/5-file.pdf");
    }

    @Test
    void givesTheSameNamesForTheSameInput() {
        List<MaterialFile> files = List.of(file("id-document", "a.pdf", "application/pdf"),
                file("one-thing-application-form", "b.png", "image/png"));

        assertThat(EntryNames.assign(files)).isEqualTo(EntryNames.assign(files));
    }
}
