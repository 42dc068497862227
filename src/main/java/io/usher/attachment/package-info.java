/**
 * Files people attach (to desk tickets and replies, later to other things): stored once per content by SHA-256, on
 * local disk ({@code usher.attachment.directory}) or in an S3-compatible bucket when {@code usher.attachment.s3.*} is
 * set, each upload checked against a type allow-list by its content (magic bytes), never by its name. Other modules call {@link io.usher.attachment.Attachments} and keep the
 * {@link io.usher.attachment.AttachmentId}s; who may download a file is the owning module's decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachment")
package io.usher.attachment;
