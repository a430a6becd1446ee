package cn.gov.jieyang.talent.mockyxq.testcontrol;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies the {@code delayMillis} and {@code jwks} switches in front of the controllers, so the
 * authorize and keys features stay unaware of test control.
 */
@Configuration(proxyBeanMethods = false)
class FailureSwitchWebConfig implements WebMvcConfigurer {

    private final FailureSwitches switches;

    FailureSwitchWebConfig(FailureSwitches switches) {
        this.switches = switches;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Delay first, then fail: a slow and broken key server is slow before it is broken.
        registry.addInterceptor(new Delay(switches)).addPathPatterns("/authorize", "/jwks");
        registry.addInterceptor(new JwksError(switches)).addPathPatterns("/jwks");
    }

    private record Delay(FailureSwitches switches) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            int delay = switches.current().delayMillis();
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }
    }

    private record JwksError(FailureSwitches switches) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (switches.current().jwks() != JwksMode.ERROR) {
                return true;
            }
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"server_error\",\"error_description\":\"jwks failure switch is on\"}");
            return false;
        }
    }
}
