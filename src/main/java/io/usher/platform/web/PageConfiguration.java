package io.usher.platform.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/** The server-rendered UI's plumbing: the shared page model and error pages for page requests. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<PageModelContributor> contributors;

    PageConfiguration(MessageSource messages, JsonMapper json, ObjectProvider<PageModelContributor> contributors) {
        this.messages = messages;
        this.json = json;
        this.contributors = contributors;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageModel(messages, json, contributors)).excludePathPatterns("/api/**");
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(new PageExceptions());
    }
}
