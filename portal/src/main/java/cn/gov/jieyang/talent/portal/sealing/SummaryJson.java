package cn.gov.jieyang.talent.portal.sealing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/** The summary entry's JSON: fixed key order, answers sorted by field code, so it reads the same every time. */
final class SummaryJson {

    /** Names the layout of this JSON, for whoever reads packages years later. */
    static final String FORMAT = "jieyang-talent-application-summary/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SummaryJson() {
    }

    static byte[] write(PackageSummary s, List<MaterialFile> files, List<String> entryNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("reference", s.reference());
        m.put("applicationId", s.applicationId().toString());
        m.put("packageVersion", s.packageVersion());
        m.put("submittedAt", s.submittedAt().toString());
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("subject", s.applicant().subject());
        applicant.put("name", s.applicant().name());
        applicant.put("subjectType", s.applicant().subjectType());
        applicant.put("verification", s.applicant().verification());
        if (s.applicant().idNumberMasked() != null) {
            applicant.put("idNumberMasked", s.applicant().idNumberMasked());
        }
        if (s.applicant().usci() != null) {
            applicant.put("usci", s.applicant().usci());
        }
        m.put("applicant", applicant);
        List<Map<String, Object>> services = new ArrayList<>();
        for (PackageSummary.ChosenService c : s.services()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("code", c.code());
            service.put("nameZh", c.nameZh());
            service.put("handling", c.handling());
            if (c.handoffUrl() != null) {
                service.put("handoffUrl", c.handoffUrl());
            }
            services.add(service);
        }
        m.put("services", services);
        m.put("answers", new TreeMap<>(s.answers()));
        List<Map<String, Object>> materials = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MaterialFile f = files.get(i);
            Map<String, Object> material = new LinkedHashMap<>();
            material.put("entry", entryNames.get(i));
            material.put("materialCode", f.materialCode());
            material.put("fileName", f.fileName());
            material.put("mediaType", f.mediaType());
            material.put("sizeBytes", f.sizeBytes());
            material.put("sha256", f.sha256());
            materials.add(material);
        }
        m.put("materials", materials);
        return JSON.writeValueAsBytes(m);
    }
}
