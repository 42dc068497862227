package io.usher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries are part of the build: a module may use only another module's API. */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(UsherApplication.class);

    @Test
    void keepsModuleBoundaries() {
        modules.verify();
    }

    /**
     * Writes the module documentation to {@code docs/modules}. The documenter lists dependencies and events in no
     * fixed order, so a file is replaced only when its lines changed, not merely their order: a build leaves the
     * committed documentation alone unless the modules changed.
     */
    @Test
    void writesModuleDocumentation(@TempDir Path written) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(DOCS);
        try (var files = Files.list(written)) {
            for (var file : files.toList()) {
                var target = DOCS.resolve(file.getFileName().toString());
                if (!Files.exists(target) || !sameLines(file, target)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(DOCS.resolve("components.puml")).exists();
    }

    private static boolean sameLines(Path a, Path b) throws IOException {
        return sorted(a).equals(sorted(b));
    }

    /** The file's lines in order; an AsciiDoc table cell's first list item ("|* ") counts as any other item. */
    private static List<String> sorted(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .sorted().toList();
    }
}
