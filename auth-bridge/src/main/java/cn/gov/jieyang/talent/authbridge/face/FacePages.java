package cn.gov.jieyang.talent.authbridge.face;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The words and status codes of the face door's ending pages ({@code face-result}). Each ending says
 * what really happened — passed, failed, cancelled, stopped, expired — on the device that sees it;
 * the phone of a desktop login is never told "go back and continue" after a failure.
 */
final class FacePages {

    /** Times are shown as the person's clock on the wall shows them. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private FacePages() {
    }

    static void ending(FaceReturns.Returned returned, boolean failedAtYuexinqian, HttpServletResponse response,
                       Model model) {
        FaceTransaction txn = returned.transaction();
        boolean phone = returned.phone();
        switch (returned.outcome()) {
            case PENDING -> page(response, model, HttpStatus.CONFLICT,
                    failedAtYuexinqian ? "face.return.failed" : "face.return.notVerified", true);
            case FAILED -> page(response, model, HttpStatus.UNAUTHORIZED, phone
                    ? "face.phone.failed" : "face.return.failed", !phone);
            case CANCELLED -> page(response, model, HttpStatus.CONFLICT, phone
                    ? "face.phone.cancelled" : "face.return.cancelled", !phone);
            case ENDED -> page(response, model, HttpStatus.FORBIDDEN, "face.return.ended", true);
            case PHONE_APPROVED -> {
                page(response, model, HttpStatus.OK, "face.phone.approved", false);
                context(txn, model);
                model.addAttribute("report", true);
            }
            case STEP_UP_REFUSED -> page(response, model, HttpStatus.FORBIDDEN, "face.stepUp.otherPerson", false);
            case STOPPED_ELSEWHERE -> {
                page(response, model, HttpStatus.FORBIDDEN, "face.return.stoppedElsewhere", false);
                model.addAttribute("report", true);
            }
            default -> page(response, model, HttpStatus.BAD_REQUEST, "face.return.invalid", true);
        }
    }

    static void page(HttpServletResponse response, Model model, HttpStatus status, String messageKey, boolean retry) {
        response.setStatus(status.value());
        model.addAttribute("messageKey", messageKey);
        model.addAttribute("retry", retry);
        model.addAttribute("success", status == HttpStatus.OK);
    }

    /** Which site asks, from what kind of device, since when: the phone page's facts. */
    static void context(FaceTransaction txn, Model model) {
        DeviceDescription device = DeviceDescription.fromCode(txn.device());
        model.addAttribute("requestedBy", txn.requestedBy());
        model.addAttribute("deviceOs", "face.device.os." + device.os());
        model.addAttribute("deviceBrowser", "face.device.browser." + device.browser());
        model.addAttribute("openedAt", TIME.format(txn.createdAt()));
    }
}
