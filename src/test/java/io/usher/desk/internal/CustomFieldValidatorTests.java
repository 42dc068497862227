package io.usher.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.usher.desk.CustomField;
import io.usher.desk.CustomFieldType;
import io.usher.desk.InvalidDeskInput;

class CustomFieldValidatorTests {

    static final List<CustomField> FIELDS = List.of(
            new CustomField("invoice", "Invoice number", CustomFieldType.TEXT, true, List.of()),
            new CustomField("amount", "Amount", CustomFieldType.NUMBER, false, List.of()),
            new CustomField("since", "Since", CustomFieldType.DATE, false, List.of()),
            new CustomField("channel", "Channel", CustomFieldType.SELECT, true, List.of("Web", "Phone")),
            new CustomField("urgent", "Urgent", CustomFieldType.BOOLEAN, true, List.of()));

    @Test
    void acceptsAndNormalizesJsonValues() {
        var values = Map.<String, Object>of("invoice", "  INV-1 ", "amount", 12.5, "since", "2026-11-01",
                "channel", "Web", "urgent", false);
        assertThat(CustomFieldValidator.validate(FIELDS, values)).containsExactly(
                Map.entry("invoice", "INV-1"), Map.entry("amount", new BigDecimal("12.5")),
                Map.entry("since", "2026-11-01"), Map.entry("channel", "Web"), Map.entry("urgent", false));
    }

    @Test
    void acceptsTheStringsAFormPosts() {
        var values = Map.<String, Object>of("invoice", "INV-2", "amount", "42", "channel", "Phone", "urgent", "TRUE");
        var result = CustomFieldValidator.validate(FIELDS, values);
        assertThat(result.get("amount")).isEqualTo(new BigDecimal("42"));
        assertThat(result.get("urgent")).isEqualTo(true);
        assertThat(result).doesNotContainKey("since");
    }

    @Test
    void namesEveryWrongField() {
        var values = new HashMap<String, Object>();
        values.put("invoice", " ");
        values.put("amount", "lots");
        values.put("since", "01.11.2026");
        values.put("channel", "Fax");
        values.put("urgent", null);
        values.put("colour", "red");
        assertThatExceptionOfType(InvalidDeskInput.class).isThrownBy(() -> CustomFieldValidator.validate(FIELDS, values))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("desk.invalid_custom_fields");
                    assertThat(e.errors()).extracting(InvalidDeskInput.FieldProblem::field).containsExactlyInAnyOrder(
                            "customFields.colour", "customFields.invoice", "customFields.amount", "customFields.since",
                            "customFields.channel", "customFields.urgent");
                });
    }

    @Test
    void refusesValuesOfTheWrongJsonType() {
        var values = Map.<String, Object>of("invoice", 7, "amount", true, "since", 20261101, "channel", List.of("Web"),
                "urgent", 1);
        assertThatExceptionOfType(InvalidDeskInput.class).isThrownBy(() -> CustomFieldValidator.validate(FIELDS, values))
                .satisfies(e -> assertThat(e.errors()).hasSize(5));
    }

    @Test
    void refusesTextThatIsTooLong() {
        var values = Map.<String, Object>of("invoice", "x".repeat(2_001), "channel", "Web", "urgent", true);
        assertThatExceptionOfType(InvalidDeskInput.class).isThrownBy(() -> CustomFieldValidator.validate(FIELDS, values))
                .withMessageContaining("customFields.invoice: must be at most 2000 characters");
    }

    @Test
    void noDefinitionsMeansNoValues() {
        assertThat(CustomFieldValidator.validate(List.of(), null)).isEmpty();
        assertThatExceptionOfType(InvalidDeskInput.class)
                .isThrownBy(() -> CustomFieldValidator.validate(List.of(), Map.of("x", "y")));
    }
}
