package io.usher.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** What needs no database: text the standard fonts can show, and local times. */
class TicketPdfsTests {

    @Test
    void keepsWesternLettersFoldsAccentsTheFontLacksAndReplacesTheRest() {
        var helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        assertThat(TicketPdfs.printable("Zoë Łukasz 山田", helvetica)).isEqualTo("Zoë Lukasz ??");
        assertThat(TicketPdfs.printable("Dvořák\tŠárka Ğül 😀", helvetica)).isEqualTo("Dvorák Šárka Gül ?");
        assertThat(TicketPdfs.printable("Zoë Łukasz 山田", new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD)))
                .isEqualTo("Zoë Lukasz ??");
    }

    @Test
    void showsTimesWhereTheEventIs() {
        assertThat(TicketPdfs.when(Instant.parse("2031-05-01T18:00:00Z"), "Europe/Berlin"))
                .isEqualTo("Thursday 1 May 2031, 20:00 (Europe/Berlin)");
    }
}
