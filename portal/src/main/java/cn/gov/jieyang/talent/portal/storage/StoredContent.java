package cn.gov.jieyang.talent.portal.storage;

/**
 * Bytes kept in the content store.
 *
 * @param sha256    their SHA-256, lower-case hex: the key they are stored and found under
 * @param sizeBytes their length
 * @param mediaType their type, as established from their content (never from a file name)
 * @param isNew     false if the same bytes were already stored (a duplicate upload)
 */
public record StoredContent(String sha256, long sizeBytes, String mediaType, boolean isNew) {
}
