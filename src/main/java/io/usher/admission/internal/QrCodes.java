package io.usher.admission.internal;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a ticket token as a QR code: error correction M (a scuffed phone screen or a folded print still scans)
 * and the standard quiet zone of four modules, as SVG for pages and as a raster for PDFs.
 *
 * <p>Every code is one ZXing's finder-pattern detector finds. That detector (also in the browser scanners built on
 * zxing-js, such as the door page's html5-qrcode) misses about one ticket token in 130 even in a perfect rendering:
 * the mask the encoder picks by the standard's penalty score leaves shapes in the data that it takes for finder
 * patterns, at almost any size. So each symbol is read back as a scanner would read it, at three sizes, and if that
 * fails the other seven masks are tried until one reads.
 */
@Component
public class QrCodes {

    private static final int QUIET_ZONE = 4;
    /** Pixels a module at which a code is read back: a few sizes, as the detector's misses vary a little with size. */
    private static final int[] SELF_CHECK_PIXELS = {4, 5, 7};
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE);

    /** Reading a code back takes a few milliseconds; a ticket's page and PDF are shown again and again. */
    private final Cache<String, BitMatrix> symbols = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * An SVG of one module per user unit, dark modules as one path of horizontal runs, scaled by whoever embeds
     * it; {@code crispEdges} keeps neighbouring modules from showing hairline seams when scaled.
     */
    public String svg(String token) {
        var matrix = matrix(token);
        var path = new StringBuilder(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %2$d" width="%1$d" height="%2$d" \
                shape-rendering="crispEdges" role="img" aria-label="QR code of the ticket">\
                <rect width="%1$d" height="%2$d" fill="#fff"/><path fill="#000" d="%3$s"/></svg>"""
                .formatted(matrix.getWidth(), matrix.getHeight(), path);
    }

    /** A black-and-white image of {@code pixelsPerModule} pixels a module, quiet zone included. */
    public BufferedImage raster(String token, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1");
        }
        var matrix = matrix(token);
        var image = new BufferedImage(matrix.getWidth() * pixelsPerModule, matrix.getHeight() * pixelsPerModule,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private BitMatrix matrix(String token) {
        return symbols.get(token, QrCodes::readableSymbol);
    }

    private static BitMatrix readableSymbol(String token) {
        var chosen = encode(token, HINTS);
        if (scans(chosen, token)) {
            return chosen;
        }
        for (int mask = 0; mask < 8; mask++) {
            var hints = new EnumMap<>(HINTS);
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
            var other = encode(token, hints);
            if (scans(other, token)) {
                return other;
            }
        }
        return chosen; // not seen: some mask always reads; a code that needs a second try is still valid
    }

    private static BitMatrix encode(String token, Map<EncodeHintType, Object> hints) {
        try {
            // size 0: the smallest symbol that holds the token, plus the margin
            return new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the token as a QR code", e);
        }
    }

    /** Whether ZXing, locating the code by its finder patterns as a camera scanner does, reads {@code token}. */
    static boolean scans(BitMatrix matrix, String token) {
        for (int pixelsPerModule : SELF_CHECK_PIXELS) {
            int size = matrix.getWidth() * pixelsPerModule;
            var pixels = new int[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    pixels[y * size + x] = matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? 0 : 0xFFFFFF;
                }
            }
            var source = new RGBLuminanceSource(size, size, pixels);
            try {
                if (!token.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText())) {
                    return false;
                }
            } catch (ReaderException e) {
                return false;
            }
        }
        return true;
    }
}
