package io.usher.admission.internal;

import java.awt.image.BufferedImage;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a ticket token as a QR code: error correction M (a scuffed phone screen or a folded print still scans)
 * and the standard quiet zone of four modules, as SVG for pages and as a raster for PDFs.
 */
@Component
public class QrCodes {

    private static final int QUIET_ZONE = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE);

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

    private static BitMatrix matrix(String token) {
        try {
            // size 0: the smallest symbol that holds the token, plus the margin
            return new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the token as a QR code", e);
        }
    }
}
