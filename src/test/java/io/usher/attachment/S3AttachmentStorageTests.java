package io.usher.attachment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.usher.attachment.internal.AttachmentStore;
import io.usher.identity.UserId;

/**
 * Attachments on S3-compatible storage, against a local HTTP stub (WireMock) that answers S3's REST API: path-style
 * keys under {@code blobs/}, SigV4-signed requests, a HEAD before each PUT, streamed downloads, and a storage
 * failure answered with 503 {@code attachment.storage_unavailable} and nothing recorded.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class S3AttachmentStorageTests {

    static final String BUCKET = "usher-blobs";
    static final String ACCESS_KEY = "usher-test-access";
    static final WireMockServer s3 = new WireMockServer(options().dynamicPort());

    static {
        s3.start();
    }

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        registry.add("usher.attachment.s3.endpoint", () -> "http://localhost:" + s3.port());
        registry.add("usher.attachment.s3.bucket", () -> BUCKET);
        registry.add("usher.attachment.s3.access-key", () -> ACCESS_KEY);
        registry.add("usher.attachment.s3.secret-key", () -> "usher-test-secret");
    }

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentStore store;

    @Autowired
    JdbcClient jdbc;

    UserId owner;

    @BeforeEach
    void freshStubAndOwner() {
        s3.resetAll();
        owner = new UserId(UUID.randomUUID());
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static String path(String sha256) {
        return "/" + BUCKET + "/blobs/" + sha256.substring(0, 2) + "/" + sha256;
    }

    StoredAttachment store(byte[] content, String name) {
        return attachments.store(new ByteArrayInputStream(content), name, owner);
    }

    long rowsOfOwner() {
        return jdbc.sql("select count(*) from attachments where owner_id = :owner").param("owner", owner.value())
                .query(Long.class).single();
    }

    @Test
    void uploadsANewBlobSignedToItsPathStyleKeyWithLengthAndChecksum() throws Exception {
        var content = AttachmentModuleTests.png();
        var key = path(sha256(content));
        s3.stubFor(head(urlEqualTo(key)).willReturn(aResponse().withStatus(404)));
        s3.stubFor(put(urlEqualTo(key)).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));

        var stored = store(content, "screenshot.png");

        assertThat(stored.sha256()).isEqualTo(sha256(content));
        s3.verify(1, putRequestedFor(urlEqualTo(key))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                        + "/\\d{8}/us-east-1/s3/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}"))
                .withHeader("Content-Length", equalTo(String.valueOf(content.length)))
                .withHeader("x-amz-checksum-sha256", equalTo(Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(content))))
                .withRequestBody(binaryEqualTo(content)));
        assertThat(store.blobs(stored.sha256())).isEqualTo(1);
        assertThat(attachments.find(stored.id())).isPresent();
    }

    @Test
    void doesNotUploadContentTheBucketHoldsAlready() throws Exception {
        var content = AttachmentModuleTests.png();
        var key = path(sha256(content));
        s3.stubFor(head(urlEqualTo(key)).willReturn(aResponse().withStatus(404)));
        s3.stubFor(put(urlEqualTo(key)).willReturn(aResponse().withStatus(200)));
        var first = store(content, "first.png");
        s3.stubFor(head(urlEqualTo(key)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(content.length))));

        var second = store(content, "second.png");

        assertThat(second.id()).isNotEqualTo(first.id());
        s3.verify(2, headRequestedFor(urlEqualTo(key)));
        s3.verify(1, putRequestedFor(urlEqualTo(key)));
        assertThat(rowsOfOwner()).isEqualTo(2);
    }

    @Test
    void streamsADownloadFromTheBucket() throws Exception {
        var content = AttachmentModuleTests.png();
        var key = path(sha256(content));
        s3.stubFor(head(urlEqualTo(key)).willReturn(aResponse().withStatus(404)));
        s3.stubFor(put(urlEqualTo(key)).willReturn(aResponse().withStatus(200)));
        var stored = store(content, "screenshot.png");
        s3.stubFor(get(urlEqualTo(key)).willReturn(aResponse().withStatus(200).withBody(content)
                .withHeader("Content-Type", "application/octet-stream")));

        try (var in = attachments.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void answersStorageUnavailableAndRecordsNothingWhenTheBucketFails() throws Exception {
        var content = AttachmentModuleTests.png();
        var sha256 = sha256(content);
        s3.stubFor(head(urlEqualTo(path(sha256))).willReturn(aResponse().withStatus(404)));
        s3.stubFor(put(urlEqualTo(path(sha256))).willReturn(aResponse().withStatus(500)
                .withBody("<Error><Code>InternalError</Code><Message>boom</Message></Error>")));

        assertThatThrownBy(() -> store(content, "screenshot.png")).isInstanceOf(AttachmentStorageUnavailable.class)
                .extracting("status", "code").containsExactly(503, "attachment.storage_unavailable");

        assertThat(rowsOfOwner()).isZero();
        assertThat(store.blobs(sha256)).isZero();
    }

    @Test
    void answersStorageUnavailableWhenADownloadFails() throws Exception {
        var content = AttachmentModuleTests.png();
        var key = path(sha256(content));
        s3.stubFor(head(urlEqualTo(key)).willReturn(aResponse().withStatus(404)));
        s3.stubFor(put(urlEqualTo(key)).willReturn(aResponse().withStatus(200)));
        var stored = store(content, "screenshot.png");
        s3.stubFor(get(urlEqualTo(key)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> attachments.open(stored.id())).isInstanceOf(AttachmentStorageUnavailable.class);
    }
}
