package io.usher.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;
import io.usher.identity.internal.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Small helpers identity's page controllers share. */
final class Pages {

    private Pages() {
    }

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /** The page's text for a failure's stable code ({@code error.<code>} in messages.properties). */
    static String message(MessageSource messages, UsherException failure, String fallback) {
        return messages.getMessage("error." + failure.code(), null, fallback, LocaleContextHolder.getLocale());
    }

    /** Answers with the failure's own status (and Retry-After when it clears by itself). */
    static void status(HttpServletResponse response, UsherException failure) {
        response.setStatus(failure.status());
        if (failure instanceof RetryLater retry) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retry.retryAfter().toSeconds())));
        }
    }
}
