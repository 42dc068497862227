package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;
import tools.jackson.databind.json.JsonMapper;

class DeskAttachmentsIntegrationTests extends IntegrationTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MB = 1024 * 1024;

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person agent;
    DeskFixtures.Person requester;
    String ticket;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        var admin = desk.admin();
        var team = desk.team();
        agent = team.agent();
        requester = desk.person("requester", Role.CUSTOMER);
        var category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Broken ticket",
                "description", "The QR code does not scan at the door.", "categoryId", category));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ticket = created.get("id");
    }

    static byte[] png() {
        var bytes = new byte[256];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(header, 0, bytes, 0, header.length);
        var unique = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(unique, 0, bytes, 16, unique.length);
        return bytes;
    }

    Api.Response upload(DeskFixtures.Person who, String fileName, byte[] content) {
        var boundary = "----usher" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/desk/tickets/" + ticket + "/attachments"))
                .header("Authorization", "Bearer " + who.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    String uploaded(DeskFixtures.Person who, String fileName, byte[] content) {
        var response = upload(who, fileName, content);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.get("id");
    }

    HttpResponse<byte[]> download(DeskFixtures.Person who, String attachment) {
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/desk/tickets/" + ticket + "/attachments/"
                + attachment)).header("Authorization", "Bearer " + who.token()).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> listed(DeskFixtures.Person who) {
        var list = api.as(who.token()).get("/api/v1/desk/tickets/" + ticket + "/attachments");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().valueStream().map(a -> a.get("id").asString()).toList();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void storesAnUploadAndLetsThoseWhoSeeTheTicketDownloadItAsAnAttachment() {
        var content = png();
        var response = upload(requester, "..\\screens/my \"shot\" é.png", content);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.get("name")).isEqualTo("my _shot_ é.png");
        assertThat(response.get("contentType")).isEqualTo("image/png");
        assertThat(response.json().get("size").asLong()).isEqualTo(content.length);
        var id = response.get("id");

        for (var reader : List.of(agent, requester)) {
            var file = download(reader, id);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(content);
            assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(file.headers().firstValue("Content-Disposition")).contains(
                    "attachment; filename=\"my _shot_ _.png\"; filename*=UTF-8''my%20_shot_%20%C3%A9.png");
        }
        var stranger = desk.person("stranger", Role.CUSTOMER);
        assertThat(download(stranger, id).statusCode()).isEqualTo(404);
        assertThat(api.as(stranger.token()).get("/api/v1/desk/tickets/" + ticket + "/attachments").status())
                .isEqualTo(404);
        assertThat(upload(stranger, "x.png", png()).status()).isEqualTo(404);
    }

    @Test
    void refusesAnExecutableNamedLikeAnImageByItsContent() {
        var executable = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0};
        var refused = upload(requester, "holiday.png", executable);
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.code()).isEqualTo("attachment.type_not_allowed");
        assertThat(listed(agent)).isEmpty();
    }

    @Test
    void refusesAFileAboveTenMegabytesAndPassesTheOneMegabyteBodyLimit() {
        var tooLarge = Arrays.copyOf(png(), 10 * MB + 1);
        var refused = upload(requester, "big.png", tooLarge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("attachment.too_large");

        var largest = Arrays.copyOf(png(), 10 * MB);
        assertThat(upload(requester, "largest.png", largest).status()).isEqualTo(201);
    }

    @Test
    void limitsATicketToFiftyMegabytes() {
        var tenMegabytesOfText = new byte[10 * MB];
        Arrays.fill(tenMegabytesOfText, (byte) 'a');
        for (int i = 0; i < 5; i++) {
            uploaded(requester, "log-" + i + ".txt", tenMegabytesOfText);
        }
        var full = upload(agent, "one-more.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(full.status()).isEqualTo(413);
        assertThat(full.code()).isEqualTo("desk.ticket_attachments_full");
        assertThat(full.json().get("usedBytes").asLong()).isEqualTo(50L * MB);
        assertThat(listed(agent)).hasSize(5);
    }

    @Test
    void aFileOnAnInternalNoteIsNeverTheRequesters() throws Exception {
        var onNote = uploaded(agent, "diagnosis.png", png());
        var onReply = uploaded(agent, "fixed.png", png());
        var loose = uploaded(agent, "draft.png", png());
        var mine = uploaded(requester, "mine.png", png());

        var note = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "See the trace.", "visibility", "INTERNAL", "attachmentIds", List.of(onNote)));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        var reply = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Fixed, see the screenshot.", "visibility", "PUBLIC", "attachmentIds", List.of(onReply)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("attachments").get(0).get("id").asString()).isEqualTo(onReply);

        assertThat(listed(agent)).containsExactlyInAnyOrder(onNote, onReply, loose, mine);
        assertThat(listed(requester)).containsExactlyInAnyOrder(onReply, mine);
        assertThat(download(requester, onNote).statusCode()).isEqualTo(404);
        assertThat(download(requester, loose).statusCode()).isEqualTo(404);
        assertThat(download(requester, onReply).statusCode()).isEqualTo(200);
        assertThat(download(agent, onNote).statusCode()).isEqualTo(200);

        var comments = api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket + "/comments");
        assertThat(comments.text()).contains(onReply).doesNotContain(onNote).doesNotContain("diagnosis.png");
        var timeline = api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline");
        assertThat(timeline.text()).contains(onReply).doesNotContain(onNote);
    }

    @Test
    void aCommentCarriesOnlyItsAuthorsUploadsThatNoOtherCommentCarries() {
        var agents = uploaded(agent, "agent.png", png());
        var theirs = api.as(requester.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Taking the agent's file.", "visibility", "PUBLIC", "attachmentIds", List.of(agents)));
        assertThat(theirs.status()).isEqualTo(400);
        assertThat(theirs.code()).isEqualTo("desk.invalid_comment");

        var first = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Here.", "visibility", "PUBLIC", "attachmentIds", List.of(agents)));
        assertThat(first.status()).isEqualTo(201);
        var again = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Here again.", "visibility", "INTERNAL", "attachmentIds", List.of(agents)));
        assertThat(again.status()).isEqualTo(400);
        var comments = api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket + "/comments").json();
        assertThat(comments.size()).as("refused comments are not kept").isEqualTo(1);
        assertThat(JSON.writeValueAsString(comments)).contains(agents);
    }
}
