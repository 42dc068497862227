package io.usher.admission.web;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A short video of still pictures centred on white, as Chromium's fake camera plays it
 * ({@code --use-file-for-fake-video-capture}, looped): YUV4MPEG2, 4:2:0, 640×480 at 10 frames a second. Each
 * frame is the word {@code FRAME}, the luma plane (one byte a pixel, studio range: 16 black, 235 white) and the
 * two quarter-size chroma planes, all 128 (no colour).
 */
final class QrVideo {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES_PER_SECOND = 10;
    private static final int FRAMES = 10;
    private static final byte BLACK = 16;
    private static final byte WHITE = (byte) 235;
    private static final byte NO_COLOUR = (byte) 128;

    private QrVideo() {
    }

    /**
     * Writes a one-second video of the pictures (black and white, each at most 640×480), shown in turn frame by
     * frame, to {@code file}.
     */
    static Path write(Path file, BufferedImage... pictures) throws IOException {
        var frames = new byte[pictures.length][];
        for (int i = 0; i < pictures.length; i++) {
            frames[i] = luma(pictures[i]);
        }
        var chroma = new byte[2 * (WIDTH / 2) * (HEIGHT / 2)];
        Arrays.fill(chroma, NO_COLOUR);
        try (var out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("YUV4MPEG2 W%d H%d F%d:1 Ip A1:1 C420\n".formatted(WIDTH, HEIGHT, FRAMES_PER_SECOND)
                    .getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < FRAMES; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(frames[frame % frames.length]);
                out.write(chroma);
            }
        }
        return file;
    }

    /** The picture centred on a white frame, as luma. */
    private static byte[] luma(BufferedImage picture) {
        if (picture.getWidth() > WIDTH || picture.getHeight() > HEIGHT) {
            throw new IllegalArgumentException("The picture is larger than a frame: " + picture.getWidth() + "×"
                    + picture.getHeight());
        }
        var luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, WHITE);
        int left = (WIDTH - picture.getWidth()) / 2;
        int top = (HEIGHT - picture.getHeight()) / 2;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                if ((picture.getRGB(x, y) & 0xFFFFFF) == 0) {
                    luma[(top + y) * WIDTH + left + x] = BLACK;
                }
            }
        }
        return luma;
    }
}
