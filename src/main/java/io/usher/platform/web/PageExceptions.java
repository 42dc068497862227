package io.usher.platform.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

/**
 * Turns failures of page requests into the error page (templates/error*.html, rendered with the layout by Boot's
 * error controller) instead of a JSON problem detail. It runs before {@code ProblemDetailsAdvice} and steps aside
 * for the API ({@code /api/**}), for {@code @ResponseBody} handlers and for clients that do not ask for HTML, so
 * those keep their problem details. Failures a page can explain next to a form are handled by the page itself.
 */
class PageExceptions implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(PageExceptions.class);

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (!isPage(request, handler)) {
            return null;
        }
        var status = status(ex);
        if (status >= 500) {
            log.error("Page request failed", ex);
        }
        if (ex instanceof RetryLater retry) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retry.retryAfter().toSeconds())));
        }
        if (ex instanceof HttpRequestMethodNotSupportedException unsupported
                && unsupported.getSupportedMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW,
                    StringUtils.arrayToCommaDelimitedString(unsupported.getSupportedMethods()));
        }
        if (response.isCommitted()) {
            return new ModelAndView();
        }
        try {
            response.sendError(status);
        } catch (IOException e) {
            log.debug("Could not send the error page", e);
        }
        return new ModelAndView();
    }

    private static boolean isPage(HttpServletRequest request, @Nullable Object handler) {
        if (request.getRequestURI().startsWith("/api/")) {
            return false;
        }
        if (handler instanceof HandlerMethod method) {
            return !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                    && !method.hasMethodAnnotation(ResponseBody.class);
        }
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static int status(Exception ex) {
        return switch (ex) {
            case UsherException e -> e.status();
            case ErrorResponse e -> e.getStatusCode().value();
            case TypeMismatchException e -> 400;
            case HttpMessageNotReadableException e -> 400;
            case ConstraintViolationException e -> 400;
            case AccessDeniedException e -> 403;
            case AuthenticationException e -> 401;
            default -> 500;
        };
    }
}
