package cn.gov.jieyang.talent.portal.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A file an application gives for a material ({@code application_material} joined with
 * {@code stored_file}).
 *
 * @param id           the row's id (used in links)
 * @param materialCode the material it is given for
 * @param sha256       the content's key in the content store
 * @param fileName     the cleaned name the applicant's device gave (display only, never a path)
 * @param sizeBytes    its length
 * @param mediaType    its type as established from its content
 * @param uploadedAt   when it was given
 */
public record MaterialFile(UUID id, String materialCode, String sha256, String fileName, long sizeBytes,
        String mediaType, Instant uploadedAt) {
}
