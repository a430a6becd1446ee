package cn.gov.jieyang.talent.portal.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: the browser's (English or Chinese, Chinese for anything else) until the person chooses
 * ({@code ?lang=en}, or the language they signed in with at the bridge); the choice is remembered in
 * a cookie, across logout.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("PORTAL_LANG");
        // Only an Accept-Language the browser sent counts: without one, the container's own default
        // (often English) would stand in for the person's language.
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") != null
                && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        // An unknown value is ignored rather than failing the page.
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
