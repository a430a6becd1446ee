package cn.gov.jieyang.talent.signing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ordered files of one material package, optionally with its {@link ApplicationSummary}.
 * Immutable; names are unique (compared without case, since auditors unpack on case-insensitive
 * file systems too).
 */
public final class PackageContents {

    private final List<PackageEntry> entries;

    private PackageContents(List<PackageEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the entries in package order (the summary, if any, first) */
    public List<PackageEntry> entries() {
        return entries;
    }

    /** Builds {@link PackageContents}. */
    public static final class Builder {
        private final List<PackageEntry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private boolean hasSummary;

        private Builder() {
        }

        /**
         * Adds the application summary as {@value ApplicationSummary#ENTRY_NAME}, first in the package.
         *
         * @param summary the summary
         * @return this builder
         */
        public Builder summary(ApplicationSummary summary) {
            byte[] json = summary.toJsonBytes();
            return summaryJson(json);
        }

        /**
         * Adds an already serialised summary (e.g. a file given to the command-line tool).
         *
         * @param json the JSON bytes
         * @return this builder
         */
        public Builder summaryJson(byte[] json) {
            if (hasSummary) {
                throw new SigningException(SigningException.Reason.INVALID_ENTRY, "a package has one summary");
            }
            byte[] copy = json.clone();
            reserve(ApplicationSummary.ENTRY_NAME);
            entries.add(0, PackageEntry.of(ApplicationSummary.ENTRY_NAME, ApplicationSummary.MEDIA_TYPE,
                    () -> new ByteArrayInputStream(copy)));
            hasSummary = true;
            return this;
        }

        /**
         * Adds a file.
         *
         * @param entry the entry
         * @return this builder
         * @throws SigningException ({@link SigningException.Reason#INVALID_ENTRY}) for a duplicate name
         */
        public Builder add(PackageEntry entry) {
            reserve(entry.name());
            entries.add(entry);
            return this;
        }

        private void reserve(String name) {
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new SigningException(SigningException.Reason.INVALID_ENTRY, "duplicate entry name: " + name);
            }
        }

        /**
         * @return the contents
         * @throws SigningException ({@link SigningException.Reason#INVALID_ENTRY}) when empty
         */
        public PackageContents build() {
            if (entries.isEmpty()) {
                throw new SigningException(SigningException.Reason.INVALID_ENTRY, "a package holds at least one file");
            }
            return new PackageContents(entries);
        }
    }
}
