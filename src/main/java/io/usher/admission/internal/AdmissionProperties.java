package io.usher.admission.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Admission settings ({@code usher.admission.*}).
 *
 * @param transferCutoff how long before the event starts a ticket's holder can no longer be changed (door lists
 *        printed or synced to offline devices by then stay right)
 */
@Validated
@ConfigurationProperties("usher.admission")
public record AdmissionProperties(@DefaultValue("PT24H") @NotNull Duration transferCutoff) {

    public AdmissionProperties {
        if (transferCutoff != null && transferCutoff.isNegative()) {
            throw new IllegalArgumentException("usher.admission.transfer-cutoff must not be negative");
        }
    }
}
