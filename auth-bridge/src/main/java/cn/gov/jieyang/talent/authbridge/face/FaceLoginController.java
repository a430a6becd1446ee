package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.session.Sessions;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
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
 * code and a page that waits), and the return from 粤信签 that turns a verified transaction into a
 * session — for the browser that opened it only.
 */
@Controller
class FaceLoginController {

    static final String BINDING_COOKIE = "JYB_FACE_TXN";
    private static final Pattern MOBILE = Pattern.compile("Mobile|Android|iPhone|iPad|MicroMessenger",
            Pattern.CASE_INSENSITIVE);

    private final FaceLoginService service;
    private final YuexinqianAvailability availability;
    private final Sessions sessions;
    private final CookieRequestCache requestCache = new CookieRequestCache();
    private final boolean secureCookie;

    FaceLoginController(FaceLoginService service, YuexinqianAvailability availability, Sessions sessions,
                        cn.gov.jieyang.talent.authbridge.session.SessionProperties properties) {
        this.service = service;
        this.availability = availability;
        this.sessions = sessions;
        this.secureCookie = properties.secureCookie();
    }

    @GetMapping("/login/yuexinqian")
    String start(HttpServletRequest request, HttpServletResponse response, Model model) {
        availability.requireAvailable();
        FaceLoginService.Opened opened = service.open();
        response.addHeader("Set-Cookie", ResponseCookie.from(BINDING_COOKIE, opened.browserBinding()).httpOnly(true)
                .secure(secureCookie).sameSite("Lax").path("/login/yuexinqian").maxAge(300).build().toString());
        String ua = request.getHeader("User-Agent");
        if (ua != null && MOBILE.matcher(ua).find()) {
            return "redirect:" + opened.authorizeUrl();
        }
        model.addAttribute("authorizeUrl", opened.authorizeUrl());
        model.addAttribute("qrSvg", QrCodes.svg(opened.authorizeUrl()));
        model.addAttribute("txn", opened.txn());
        return "face-wait";
    }

    /** Polled by the desktop page while the person uses their phone. */
    @GetMapping("/login/yuexinqian/status")
    @ResponseBody
    ResponseEntity<Map<String, String>> status(@RequestParam String txn, HttpServletRequest request) {
        FaceTransaction.Status status = service.status(txn, binding(request));
        if (status == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", "unknown"));
        }
        if (status == FaceTransaction.Status.VERIFIED) {
            return ResponseEntity.ok(Map.of("status", "verified",
                    "continue", "/login/yuexinqian/return?txn=" + txn + "&state=" + service.stateOf(txn)));
        }
        return ResponseEntity.ok(Map.of("status", status.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @GetMapping("/login/yuexinqian/return")
    String returned(@RequestParam(required = false) String txn, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String error, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        FaceLoginService.Returned r = service.completeReturn(txn, state, binding(request));
        switch (r.outcome()) {
            case COMPLETED -> {
                sessions.establish(r.session(), response);
                response.addHeader("Set-Cookie", ResponseCookie.from(BINDING_COOKIE, "").path("/login/yuexinqian")
                        .maxAge(0).build().toString());
                SavedRequest saved = requestCache.getRequest(request, response);
                requestCache.removeRequest(request, response);
                return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/");
            }
            case OTHER_BROWSER -> {
                // The phone of a desktop login lands here: its work is done, the desktop continues.
                response.setStatus(HttpStatus.FORBIDDEN.value());
                model.addAttribute("messageKey", "face.return.otherBrowser");
            }
            case NOT_VERIFIED_YET -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("messageKey", error == null ? "face.return.notVerified"
                        : "cancelled".equals(error) ? "face.return.cancelled" : "face.return.failed");
            }
            case FAILED -> {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                model.addAttribute("messageKey", "face.return.failed");
            }
            default -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("messageKey", "face.return.invalid");
            }
        }
        return "face-result";
    }

    private static String binding(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (BINDING_COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
