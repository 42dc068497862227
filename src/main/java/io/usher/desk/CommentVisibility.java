package io.usher.desk;

/** Who sees a comment: {@code PUBLIC} replies everyone who sees the ticket, {@code INTERNAL} notes only its agents. */
public enum CommentVisibility {
    PUBLIC, INTERNAL
}
