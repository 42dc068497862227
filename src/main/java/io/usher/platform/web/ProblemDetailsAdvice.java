package io.usher.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become problem details. Client mistakes get a 4xx with a stable code and a
 * detail that says what to fix; anything else is a 500 whose detail never echoes the exception.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(UsherException.class)
    ResponseEntity<ProblemDetail> handleUsher(UsherException ex, WebRequest request) {
        var problem = Problems.of(HttpStatusCode.valueOf(ex.status()), ex.code(), ex.getMessage());
        Problems.with(problem, ex.properties());
        problem.setInstance(instance(request));
        var headers = new HttpHeaders();
        if (ex instanceof RetryLater retry) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retry.retryAfter().toSeconds())));
        }
        return ResponseEntity.status(ex.status()).headers(headers).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        var errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationProblem(errors, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        var problem = Problems.of(HttpStatus.FORBIDDEN, "identity.forbidden",
                "You do not have permission to do this.");
        problem.setInstance(instance(request));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex, WebRequest request) {
        var problem = Problems.of(HttpStatus.UNAUTHORIZED, "identity.unauthenticated", "Sign in first.");
        problem.setInstance(instance(request));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure", ex);
        var problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side. Quote the correlation id if you report it.");
        problem.setInstance(instance(request));
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldError>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return cast(validationProblem(errors, request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return cast(validationProblem(errors, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (findCause(ex, RequestBodyLimitFilter.BodyTooLarge.class) != null) {
            var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request.too_large",
                    "The request body is larger than this endpoint accepts.");
            problem.setInstance(instance(request));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "request.malformed", describe(ex));
        problem.setInstance(instance(request));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = body instanceof ProblemDetail p ? p
                : ex instanceof ErrorResponse er ? er.getBody()
                : ProblemDetail.forStatus(status);
        var code = codeFor(ex, status);
        problem.setType(URI.create("/problems/" + code));
        problem.setProperty("code", code);
        problem.setProperty("correlationId", CorrelationId.current());
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request));
        }
        if (status.is5xxServerError()) {
            log.error("Request failed", ex);
            problem.setDetail("Something went wrong on our side. Quote the correlation id if you report it.");
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case NoResourceFoundException e -> "request.not_found";
            case HttpRequestMethodNotSupportedException e -> "request.method_not_allowed";
            case HttpMediaTypeNotSupportedException e -> "request.unsupported_media_type";
            case HttpMediaTypeNotAcceptableException e -> "request.not_acceptable";
            case MissingRequestHeaderException e -> "request.missing_header";
            case MissingServletRequestParameterException e -> "request.missing_parameter";
            case ServletRequestBindingException e -> "request.malformed";
            case MaxUploadSizeExceededException e -> "request.too_large";
            default -> status.is4xxClientError() ? "request.invalid" : "internal_error";
        };
    }

    private ResponseEntity<ProblemDetail> validationProblem(List<FieldError> errors, WebRequest request) {
        var summary = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "request.validation_failed",
                errors.isEmpty() ? "The request is not valid." : summary);
        problem.setProperty("errors", errors);
        problem.setInstance(instance(request));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Says what is wrong with an unreadable body without echoing parser internals. */
    private static String describe(HttpMessageNotReadableException ex) {
        var unknown = findCause(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return "Unknown field '" + path(unknown) + "'.";
        }
        var invalid = findCause(ex, InvalidFormatException.class);
        if (invalid != null) {
            return "Field '" + path(invalid) + "' has a value of the wrong type or format.";
        }
        var mismatch = findCause(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return "Field '" + path(mismatch) + "' has a value of the wrong type.";
        }
        if (findCause(ex, JacksonException.class) != null) {
            return "The request body is not valid JSON.";
        }
        return "The request body is missing or unreadable.";
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
        for (var current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        var dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static URI instance(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? URI.create(servlet.getRequest().getRequestURI())
                : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    /** One invalid field in a validation problem. */
    record FieldError(String field, String message) {
    }

}
