package cn.gov.jieyang.talent.portal.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the one form's fields from the catalogue (V5): the union of the chosen services' fields, each
 * once, in the order of the first chosen service that asks it (and its position there).
 */
@Component
class FormCatalogue {

    private final JdbcClient jdbc;

    FormCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String serviceCode, String code, String labelZh, String labelEn, String kind, int maxLength,
            boolean required) {
    }

    List<FormField> fieldsFor(Collection<String> serviceCodes) {
        if (serviceCodes.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("""
                        select sf.service_code, f.code, f.label_zh, f.label_en, f.kind, f.max_length, f.required
                          from catalogue_service_field sf
                          join catalogue_field f on f.code = sf.field_code
                          join catalogue_service s on s.code = sf.service_code
                         where sf.service_code in (:codes)
                         order by s.sort_order, sf.position
                        """)
                .param("codes", List.copyOf(serviceCodes))
                .query(Row.class).list();
        Map<String, Row> first = new LinkedHashMap<>();
        Map<String, List<String>> neededBy = new LinkedHashMap<>();
        for (Row row : rows) {
            first.putIfAbsent(row.code(), row);
            neededBy.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row.serviceCode());
        }
        return first.values().stream()
                .map(r -> new FormField(r.code(), r.labelZh(), r.labelEn(),
                        FormField.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)), r.maxLength(), r.required(),
                        neededBy.get(r.code())))
                .toList();
    }
}
