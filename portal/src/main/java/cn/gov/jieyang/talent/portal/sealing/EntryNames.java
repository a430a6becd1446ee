package cn.gov.jieyang.talent.portal.sealing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of material entries inside a package: {@code materials/<material code>/<n>-<name>.<ext>}. The
 * code is a catalogue code, n counts the material's files in order (so names are unique and the same
 * inputs always give the same names), the name keeps only letters, digits, '-' and '_' of the
 * applicant's file name, and the extension follows the content's type, not the name's.
 */
final class EntryNames {

    private static final int MAX_NAME_CODE_POINTS = 60;

    private EntryNames() {
    }

    static List<String> assign(List<MaterialFile> files) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>(files.size());
        for (MaterialFile f : files) {
            int n = counts.merge(f.materialCode(), 1, Integer::sum);
            names.add("materials/" + f.materialCode() + "/" + n + "-" + sanitize(f.fileName()) + "." + extension(f.mediaType()));
        }
        return names;
    }

    static String sanitize(String fileName) {
        String base = fileName;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        StringBuilder b = new StringBuilder();
        int kept = 0;
        boolean lastWasFill = false;
        for (int cp : base.codePoints().toArray()) {
            if (kept >= MAX_NAME_CODE_POINTS) {
                break;
            }
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                b.appendCodePoint(cp);
                lastWasFill = false;
                kept++;
            } else if (!lastWasFill && b.length() > 0) {
                b.append('_');
                lastWasFill = true;
                kept++;
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
            b.setLength(b.length() - 1);
        }
        return b.length() == 0 ? "file" : b.toString();
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "bin";
        };
    }
}
