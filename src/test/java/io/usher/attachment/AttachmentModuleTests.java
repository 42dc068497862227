package io.usher.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import io.usher.attachment.internal.AttachmentStore;
import io.usher.identity.UserId;

/** The attachment module on its own tables and a temporary directory: types by content, limits, de-duplication. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class AttachmentModuleTests {

    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R'};

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentStore store;

    final UserId owner = new UserId(UUID.randomUUID());

    static byte[] png() {
        var bytes = Arrays.copyOf(PNG_HEADER, 64);
        var random = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(random, 0, bytes, 20, random.length);
        return bytes;
    }

    StoredAttachment store(byte[] content, String name) {
        return attachments.store(new ByteArrayInputStream(content), name, owner);
    }

    @Test
    void storesIdenticalContentOnceUnderItsSha256() throws Exception {
        var content = png();
        var first = store(content, "screenshot.png");
        var second = store(content, "copy.png");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.sha256()).isEqualTo(second.sha256()).hasSize(64);
        assertThat(store.blobs(first.sha256())).isEqualTo(1);
        assertThat(first.contentType()).isEqualTo("image/png");
        assertThat(first.size()).isEqualTo(content.length);
        try (var in = attachments.open(second.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(attachments.find(second.id())).get().extracting(StoredAttachment::name).isEqualTo("copy.png");
    }

    @Test
    void recognizesTheTypeByContentNotByName() {
        assertThat(store("%PDF-1.7\n%...".getBytes(StandardCharsets.US_ASCII), "report.txt").contentType())
                .isEqualTo("application/pdf");
        assertThat(store(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2}, "a.bin").contentType())
                .isEqualTo("image/jpeg");
        assertThat(store("GIF89a....".getBytes(StandardCharsets.US_ASCII), "a.gif").contentType())
                .isEqualTo("image/gif");
        assertThat(store("Grüße,\r\n\tthe logs\n".getBytes(StandardCharsets.UTF_8), "log.png").contentType())
                .isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void refusesAnExecutableNamedLikeAnImage() {
        var executable = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> store(executable, "cute-cat.png")).isInstanceOf(AttachmentTypeNotAllowed.class)
                .extracting("code").isEqualTo("attachment.type_not_allowed");
        var elf = new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        assertThatThrownBy(() -> store(elf, "notes.txt")).isInstanceOf(AttachmentTypeNotAllowed.class);
        var zip = new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertThatThrownBy(() -> store(zip, "letter.docx")).isInstanceOf(AttachmentTypeNotAllowed.class);
    }

    @Test
    void refusesTextThatIsNotCleanUtf8() {
        assertThatThrownBy(() -> store(new byte[] {'h', 'i', (byte) 0xC3, '('}, "bad.txt"))
                .isInstanceOf(AttachmentTypeNotAllowed.class);
        assertThatThrownBy(() -> store(new byte[] {'h', 'i', 0, 'x'}, "nul.txt"))
                .isInstanceOf(AttachmentTypeNotAllowed.class);
    }

    @Test
    void refusesFilesAboveTenMegabytesAndEmptyOnes() {
        var tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG_HEADER, 0, tooLarge, 0, PNG_HEADER.length);
        assertThatThrownBy(() -> store(tooLarge, "huge.png")).isInstanceOf(AttachmentTooLarge.class)
                .extracting("status").isEqualTo(413);
        var exactly = Arrays.copyOf(tooLarge, 10 * 1024 * 1024);
        assertThat(store(exactly, "big.png").size()).isEqualTo(10 * 1024 * 1024);
        assertThatThrownBy(() -> store(new byte[0], "empty.txt")).isInstanceOf(AttachmentEmpty.class);
    }

    @Test
    void keepsOnlyASafeFileName() {
        assertThat(Attachments.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.safeName("C:\\Users\\me\\evil\".png")).isEqualTo("evil_.png");
        assertThat(Attachments.safeName("a\r\nb.txt")).isEqualTo("a__b.txt");
        assertThat(Attachments.safeName(".htaccess")).isEqualTo("htaccess");
        assertThat(Attachments.safeName("  ")).isEqualTo("attachment");
        assertThat(Attachments.safeName(null)).isEqualTo("attachment");
    }
}
