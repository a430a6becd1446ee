package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The browser's side of the face door: open a transaction (phone: redirect to 粤信签; desktop: a QR
 * code for the bridge's phone page, the number to pick there, and a page that waits), and the return
 * from 粤信签 that turns a verified transaction into a session — for the browser that opened it only.
 */
@Controller
class FaceLoginController {

    private static final Pattern MOBILE = Pattern.compile("Mobile|Android|iPhone|iPad|MicroMessenger",
            Pattern.CASE_INSENSITIVE);

    private final FaceLoginService service;
    private final FaceReturns returns;
    private final YuexinqianAvailability availability;
    private final Sessions sessions;
    private final FaceCookies cookies;
    private final RequestingSite requestingSite;
    private final YuexinqianProperties yxq;
    private final CookieRequestCache requestCache = new CookieRequestCache();

    FaceLoginController(FaceLoginService service, FaceReturns returns, YuexinqianAvailability availability,
                        Sessions sessions, FaceCookies cookies, RequestingSite requestingSite,
                        YuexinqianProperties yxq) {
        this.service = service;
        this.returns = returns;
        this.availability = availability;
        this.sessions = sessions;
        this.cookies = cookies;
        this.requestingSite = requestingSite;
        this.yxq = yxq;
    }

    @GetMapping("/login/yuexinqian")
    String start(HttpServletRequest request, HttpServletResponse response, Model model) {
        availability.requireAvailable();
        String ua = request.getHeader("User-Agent");
        boolean phone = ua != null && MOBILE.matcher(ua).find();
        FaceLoginService.Opened opened = service.open(
                phone ? FaceTransaction.Channel.SAME_DEVICE : FaceTransaction.Channel.CROSS_DEVICE,
                DeviceDescription.of(ua), requestingSite.of(request, response));
        cookies.set(response, FaceCookies.OPENER, opened.browserBinding());
        if (phone) {
            return "redirect:" + opened.authorizeUrl();
        }
        model.addAttribute("phoneUrl", opened.phoneUrl());
        model.addAttribute("qrSvg", QrCodes.svg(opened.phoneUrl()));
        model.addAttribute("txn", opened.txn());
        model.addAttribute("matchNumber", opened.matchNumber());
        model.addAttribute("lifetimeMinutes", Math.max(1, yxq.transactionLifetime().toMinutes()));
        return "face-wait";
    }

    /** Polled by the desktop page while the person uses their phone. */
    @GetMapping("/login/yuexinqian/status")
    @ResponseBody
    ResponseEntity<Map<String, String>> status(@RequestParam String txn, HttpServletRequest request) {
        String status = service.status(txn, FaceCookies.read(request, FaceCookies.OPENER));
        if (status == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", "unknown"));
        }
        if (status.equals("verified")) {
            return ResponseEntity.ok(Map.of("status", status,
                    "continue", "/login/yuexinqian/return?txn=" + txn + "&state=" + service.stateOf(txn)));
        }
        return ResponseEntity.ok(Map.of("status", status));
    }

    @GetMapping("/login/yuexinqian/return")
    String returned(@RequestParam(required = false) String txn, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String error, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        FaceReturns.Returned r = returns.complete(txn, state, error, FaceCookies.read(request, FaceCookies.OPENER),
                FaceCookies.read(request, FaceCookies.PHONE), sessions.current(request).orElse(null),
                Sessions.languageTag(LocaleContextHolder.getLocale()), requestingSite.clientId(request, response));
        if (r.outcome() == FaceReturns.Outcome.COMPLETED) {
            sessions.establish(r.session(), response);
            cookies.clear(response, FaceCookies.OPENER);
            SavedRequest saved = requestCache.getRequest(request, response);
            requestCache.removeRequest(request, response);
            return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/");
        }
        FacePages.ending(r, "verification_failed".equals(error), response, model);
        return "face-result";
    }
}
