package cn.gov.jieyang.talent.portal.application;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Material uploads are streamed ({@link StreamingUploadFilter}); every other multipart form (the
 * auditor's package check) keeps the container's parsing.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfig {

    /** Just before Spring Security's filter chain (Spring Boot registers it at order -100). */
    static final int ORDER = -101;

    @Bean
    FilterRegistrationBean<StreamingUploadFilter> streamingUploadFilter() {
        FilterRegistrationBean<StreamingUploadFilter> registration = new FilterRegistrationBean<>(new StreamingUploadFilter());
        registration.setOrder(ORDER);
        return registration;
    }

    /** Spring's multipart handling, except for a request whose body the streaming filter has taken over. */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return request.getAttribute(StreamingUpload.ATTRIBUTE) == null && super.isMultipart(request);
            }
        };
    }
}
