package cn.gov.jieyang.talent.authbridge.face;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a desktop's QR code opens on the phone ({@code /login/yuexinqian/phone?txn=…}): who asks,
 * when, from what device, and the number to pick before the phone is sent to 粤信签.
 */
@Controller
class PhoneConfirmationController {

    private final PhoneConfirmation confirmation;
    private final FaceCookies cookies;

    PhoneConfirmationController(PhoneConfirmation confirmation, FaceCookies cookies) {
        this.confirmation = confirmation;
        this.cookies = cookies;
    }

    @GetMapping("/login/yuexinqian/phone")
    String show(@RequestParam(required = false) String txn, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        FaceTransaction t = confirmation.find(txn).orElse(null);
        if (t == null) {
            FacePages.page(response, model, HttpStatus.BAD_REQUEST, "face.return.invalid", false);
            return "face-result";
        }
        switch (t.status()) {
            case OPEN -> {
                FacePages.context(t, model);
                model.addAttribute("txn", t.id());
                model.addAttribute("choices", confirmation.choices(t));
                return "face-phone";
            }
            case MATCHED -> {
                if (PhoneConfirmation.isThePhone(t, FaceCookies.read(request, FaceCookies.PHONE))) {
                    return "redirect:" + confirmation.authorizeUrl(t);
                }
                FacePages.page(response, model, HttpStatus.CONFLICT, "face.phone.inUse", false);
            }
            case MISMATCHED -> FacePages.page(response, model, HttpStatus.FORBIDDEN, "face.phone.mismatched", false);
            case STOPPED -> FacePages.page(response, model, HttpStatus.FORBIDDEN, "face.phone.stopped", false);
            case FAILED -> FacePages.page(response, model, HttpStatus.UNAUTHORIZED, "face.phone.failed", false);
            case CANCELLED -> FacePages.page(response, model, HttpStatus.CONFLICT, "face.phone.cancelled", false);
            default -> FacePages.page(response, model, HttpStatus.CONFLICT, "face.phone.done", false);
        }
        return "face-result";
    }

    /** The person's answer: a number, or "this was not me". */
    @PostMapping("/login/yuexinqian/phone")
    String answer(@RequestParam(required = false) String txn, @RequestParam(required = false) String number,
                  @RequestParam(required = false) String action, HttpServletResponse response, Model model) {
        if ("refuse".equals(action)) {
            boolean stopped = confirmation.refuse(txn);
            FacePages.page(response, model, stopped ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                    stopped ? "face.phone.refused" : "face.return.invalid", false);
            model.addAttribute("report", stopped);
            return "face-result";
        }
        if (txn == null || number == null || !number.matches("[1-9][0-9]")) {
            FacePages.page(response, model, HttpStatus.BAD_REQUEST, "face.phone.pick", false);
            return "face-result";
        }
        String binding = PhoneConfirmation.newBinding();
        switch (confirmation.pick(txn, Integer.parseInt(number), binding)) {
            case MATCHED -> {
                cookies.set(response, FaceCookies.PHONE, binding);
                return "redirect:" + confirmation.authorizeUrl(confirmation.find(txn).orElseThrow());
            }
            case MISMATCHED -> {
                FacePages.page(response, model, HttpStatus.FORBIDDEN, "face.phone.mismatched", false);
                model.addAttribute("report", true);
            }
            default -> FacePages.page(response, model, HttpStatus.BAD_REQUEST, "face.return.invalid", false);
        }
        return "face-result";
    }
}
