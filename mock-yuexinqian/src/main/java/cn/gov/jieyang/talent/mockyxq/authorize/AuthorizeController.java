package cn.gov.jieyang.talent.mockyxq.authorize;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /authorize}: checks the request, opens a flow and shows the consent page. */
@Controller
class AuthorizeController {

    private final MockYuexinqianProperties properties;
    private final FlowStore flows;

    AuthorizeController(MockYuexinqianProperties properties, FlowStore flows) {
        this.properties = properties;
        this.flows = flows;
    }

    @GetMapping("/authorize")
    String authorize(@RequestParam MultiValueMap<String, String> params, Model model) {
        Flow flow = flows.open(AuthorizationRequest.from(params, properties));
        model.addAttribute("flowId", flow.id());
        model.addAttribute("appName", flow.request().app().displayName());
        return "authorize/consent";
    }
}
