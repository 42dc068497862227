package io.usher.attachment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one stored attachment (one upload; its bytes may be shared with identical uploads). */
public record AttachmentId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AttachmentId {
        Objects.requireNonNull(value, "attachment id");
    }

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
