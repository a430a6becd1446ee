package cn.gov.jieyang.talent.portal.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An application as its owner sees it: the chosen services, the one form's fields and answers, and the
 * files given for each required material. Immutable; read through {@link Drafts}.
 *
 * @param id        the application id
 * @param reference the human-readable reference (JYRC-yyyymmdd-XXXXXX)
 * @param subject   the owner's subject
 * @param status    draft or submitted
 * @param createdAt when the draft was started
 * @param updatedAt when it last changed
 * @param bundle    the chosen services
 * @param cases     one case per chosen service
 * @param fields    the one form's fields (the union over the chosen services)
 * @param answers   the answers given, by field code
 * @param files     the files given, in upload order
 */
public record DraftView(UUID id, String reference, String subject, String status, Instant createdAt,
        Instant updatedAt, ServiceBundle bundle, List<DraftCase> cases, List<FormField> fields,
        Map<String, String> answers, List<MaterialFile> files) {

    /**
     * Copies the collections.
     */
    public DraftView {
        cases = List.copyOf(cases);
        fields = List.copyOf(fields);
        answers = Map.copyOf(answers);
        files = List.copyOf(files);
    }

    /**
     * Whether it is still a draft (editable).
     *
     * @return true for status draft
     */
    public boolean isDraft() {
        return "draft".equals(status);
    }

    /**
     * The materials asked for, each once ("one thing" rule).
     *
     * @return the materials
     */
    public List<RequiredMaterial> requiredMaterials() {
        return bundle.requiredMaterials();
    }

    /**
     * One required material.
     *
     * @param materialCode its code
     * @return the material, or empty if the chosen services do not ask for it
     */
    public Optional<RequiredMaterial> requiredMaterial(String materialCode) {
        return requiredMaterials().stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }

    /**
     * The files given for a material.
     *
     * @param materialCode the material
     * @return its files
     */
    public List<MaterialFile> filesFor(String materialCode) {
        return files.stream().filter(f -> f.materialCode().equals(materialCode)).toList();
    }

    /**
     * One file of this application.
     *
     * @param fileId the file's id
     * @return the file, or empty if it is not one of this application's
     */
    public Optional<MaterialFile> file(UUID fileId) {
        return files.stream().filter(f -> f.id().equals(fileId)).findFirst();
    }

    /**
     * Required fields without an answer.
     *
     * @return the fields
     */
    public List<FormField> missingFields() {
        return fields.stream().filter(f -> f.required() && !answers.containsKey(f.code())).toList();
    }

    /**
     * Whether every required field is answered.
     *
     * @return true if the form is done
     */
    public boolean isFormComplete() {
        return missingFields().isEmpty();
    }

    /**
     * Required materials without any file.
     *
     * @return the materials
     */
    public List<RequiredMaterial> missingMaterials() {
        Set<String> given = files.stream().map(MaterialFile::materialCode).collect(Collectors.toSet());
        return requiredMaterials().stream().filter(m -> !given.contains(m.code())).toList();
    }

    /**
     * Whether everything required is present: at least one service, every required answer and at
     * least one file for every required material.
     *
     * @return true if complete
     */
    public boolean isComplete() {
        return !bundle.isEmpty() && isFormComplete() && missingMaterials().isEmpty();
    }

    /**
     * Materials a returned case needs: after submission, the only ones whose files may change.
     *
     * @return their codes
     */
    public Set<String> materialsOfReturnedCases() {
        Set<String> returned = cases.stream().filter(DraftCase::isReturned).map(DraftCase::serviceCode)
                .collect(Collectors.toSet());
        return requiredMaterials().stream()
                .filter(m -> m.neededBy().stream().anyMatch(returned::contains))
                .map(RequiredMaterial::code)
                .collect(Collectors.toSet());
    }

    /**
     * Whether the owner may add or replace files for a material now: any required material of a draft;
     * after submission only the materials of a returned case.
     *
     * @param materialCode the material
     * @return true if files may be added
     */
    public boolean mayChangeFiles(String materialCode) {
        return isDraft() ? requiredMaterial(materialCode).isPresent()
                : materialsOfReturnedCases().contains(materialCode);
    }

    /**
     * Whether the owner may delete a file: any file of a draft; after submission only a file of a
     * returned case's material while another file remains for that material.
     *
     * @param file the file
     * @return true if it may be deleted
     */
    public boolean mayDelete(MaterialFile file) {
        if (isDraft()) {
            return true;
        }
        return materialsOfReturnedCases().contains(file.materialCode()) && filesFor(file.materialCode()).size() > 1;
    }
}
