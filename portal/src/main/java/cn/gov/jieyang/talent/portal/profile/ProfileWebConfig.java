package cn.gov.jieyang.talent.portal.profile;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link ProfileGate} on every page but the profile itself and what every page needs. */
@Configuration(proxyBeanMethods = false)
class ProfileWebConfig implements WebMvcConfigurer {

    /** Open without a real-name record: the form itself, logout, errors, static files, health. */
    static final String[] OPEN_PATHS = {
        "/profile", "/profile/**", "/logout", "/error", "/css/**", "/js/**", "/favicon.ico", "/actuator/**"};

    private final Profiles profiles;

    ProfileWebConfig(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ProfileGate(profiles)).excludePathPatterns(OPEN_PATHS);
    }
}
