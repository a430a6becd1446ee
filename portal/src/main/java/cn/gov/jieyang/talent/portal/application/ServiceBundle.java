package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.catalogue.MaterialRequirement;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The services one applicant has chosen to apply for together (an immutable value; {@link
 * #with(TalentService)} and {@link #without(String)} return new bundles). Every service in it is one
 * the applicant's subject type may apply for.
 *
 * <p>{@link #requiredMaterials()} is the "one thing" rule: a material is asked for once however many
 * chosen services need it.
 */
public final class ServiceBundle {

    private static final Comparator<TalentService> SERVICE_ORDER =
            Comparator.comparingInt(TalentService::order).thenComparing(TalentService::code);

    private final SubjectType applicant;
    private final List<TalentService> services;

    private ServiceBundle(SubjectType applicant, List<TalentService> services) {
        this.applicant = applicant;
        this.services = services;
    }

    /**
     * A bundle of the given services; a service given twice counts once.
     *
     * @param applicant the applicant's subject type
     * @param services  the chosen services
     * @return the bundle, services in catalogue order
     * @throws IneligibleServiceException if the applicant may not apply for one of them
     * @throws IllegalArgumentException   if two different services share a code
     */
    public static ServiceBundle of(SubjectType applicant, Collection<TalentService> services) {
        Objects.requireNonNull(applicant, "applicant");
        Map<String, TalentService> byCode = new LinkedHashMap<>();
        for (TalentService service : services) {
            if (!service.admits(applicant)) {
                throw new IneligibleServiceException(applicant, service);
            }
            TalentService before = byCode.putIfAbsent(service.code(), service);
            if (before != null && !before.equals(service)) {
                throw new IllegalArgumentException("two different services with code " + service.code());
            }
        }
        return new ServiceBundle(applicant, byCode.values().stream().sorted(SERVICE_ORDER).toList());
    }

    /**
     * A bundle of the given services.
     *
     * @param applicant the applicant's subject type
     * @param services  the chosen services
     * @return the bundle
     * @throws IneligibleServiceException if the applicant may not apply for one of them
     */
    public static ServiceBundle of(SubjectType applicant, TalentService... services) {
        return of(applicant, List.of(services));
    }

    /**
     * This bundle with one more service (unchanged if it is already in).
     *
     * @param service the service to add
     * @return the new bundle
     * @throws IneligibleServiceException if the applicant may not apply for it
     */
    public ServiceBundle with(TalentService service) {
        return of(applicant, Stream.concat(services.stream(), Stream.of(service)).toList());
    }

    /**
     * This bundle without a service (unchanged if it is not in).
     *
     * @param serviceCode the code of the service to remove
     * @return the new bundle
     */
    public ServiceBundle without(String serviceCode) {
        return new ServiceBundle(applicant, services.stream().filter(s -> !s.code().equals(serviceCode)).toList());
    }

    /**
     * The applicant's subject type.
     *
     * @return the type
     */
    public SubjectType applicant() {
        return applicant;
    }

    /**
     * The chosen services.
     *
     * @return the services, in catalogue order
     */
    public List<TalentService> services() {
        return services;
    }

    /**
     * Whether a service is chosen.
     *
     * @param serviceCode the service's code
     * @return true if it is in this bundle
     */
    public boolean contains(String serviceCode) {
        return services.stream().anyMatch(s -> s.code().equals(serviceCode));
    }

    /**
     * Whether no service is chosen.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return services.isEmpty();
    }

    /**
     * The materials this bundle asks for, each once however many chosen services need it: common
     * materials first, then specific ones by the order of the first chosen service that needs them
     * (and their position in that service).
     *
     * @return the materials, each with the chosen services that need it
     * @throws IllegalStateException if two chosen services disagree about one material
     */
    public List<RequiredMaterial> requiredMaterials() {
        Map<String, MaterialRequirement> requirements = new LinkedHashMap<>();
        Map<String, List<String>> neededBy = new LinkedHashMap<>();
        for (TalentService service : services) {
            for (MaterialRequirement requirement : service.materials()) {
                MaterialRequirement before = requirements.putIfAbsent(requirement.code(), requirement);
                if (before != null && !before.equals(requirement)) {
                    throw new IllegalStateException("services disagree about material " + requirement.code());
                }
                neededBy.computeIfAbsent(requirement.code(), c -> new ArrayList<>()).add(service.code());
            }
        }
        Stream<RequiredMaterial> all = requirements.values().stream()
                .map(r -> new RequiredMaterial(r, neededBy.get(r.code())));
        // A stable sort: keeps first-needed order within common and within specific materials.
        return all.sorted(Comparator.comparing(m -> !m.isCommon())).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceBundle that && applicant == that.applicant && services.equals(that.services);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicant, services);
    }

    @Override
    public String toString() {
        return "ServiceBundle[" + applicant + ", " + services.stream().map(TalentService::code).toList() + "]";
    }
}
