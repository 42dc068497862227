package io.usher.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationNoticesTests {

    @Test
    void findsMentionsWrittenAsAtAndTheEmailAddress() {
        assertThat(ConversationNotices.mentions("@Ana.Lopez@Example.com please look, cc @bo+desk@support.example.org."))
                .containsExactly("ana.lopez@example.com", "bo+desk@support.example.org");
    }

    @Test
    void ignoresPlainAddressesAndBareHandles() {
        assertThat(ConversationNotices.mentions("write to ana@example.com or ask @ana; x@@y.com")).isEmpty();
    }
}
