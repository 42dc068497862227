package io.usher.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

class QrCodesTests {

    static final String TOKEN = "U1." + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_".repeat(4).substring(0, 135);

    final QrCodes qr = new QrCodes();

    @Test
    void drawsTheTokenAsOneCrispPathThatScansBackWithErrorCorrectionM() throws Exception {
        var svg = qr.svg(TOKEN);

        assertThat(svg).startsWith("<svg").contains("shape-rendering=\"crispEdges\"");
        assertThat(Pattern.compile("<path").matcher(svg).results().count()).isEqualTo(1);
        // what the path paints, module by module, read by a scanner
        var matrix = svgModules(svg);
        var decoded = decode(image(matrix, 4));
        assertThat(decoded.getText()).isEqualTo(TOKEN);
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
        assertQuietZone(matrix);
    }

    @Test
    void rastersTheTokenWithItsQuietZoneForPrint() throws Exception {
        var image = qr.raster(TOKEN, 3);

        assertThat(decode(image).getText()).isEqualTo(TOKEN);
        for (int i = 0; i < 4 * 3; i++) {
            for (int j = 0; j < image.getWidth(); j++) {
                assertThat(image.getRGB(j, i) & 0xFFFFFF).as("row %d", i).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(i, j) & 0xFFFFFF).as("column %d", i).isEqualTo(0xFFFFFF);
            }
        }
    }

    /** A real token shape whose symbol, with the mask ZXing's encoder picks, its own detector cannot find. */
    static final String HIDDEN_BY_ITS_MASK = "U1.DmCJslSGExIHEv_XzSZ-gP9wWxmpe3aZVFGEt2fzOUpcs70_Skokm6TCtrLSO1Zn6BLDjUUYf"
            + "_lEPoK6Oo8-e27Heaw67mWo-hOV0_BKydP1xdUGhqKrplqBdCIkdK3dMpE0-qQ";

    @Test
    void aTokenWhoseDefaultSymbolTheDetectorMissesGetsAnotherMaskThatItFinds() throws Exception {
        var defaultSymbol = new QRCodeWriter().encode(HIDDEN_BY_ITS_MASK, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        assertThat(QrCodes.scans(defaultSymbol, HIDDEN_BY_ITS_MASK)).as("the fixture still shows the problem").isFalse();

        for (int pixels : new int[] {3, 4, 6, 7, 8}) {
            assertThat(scan(qr.raster(HIDDEN_BY_ITS_MASK, pixels))).as("%d pixels a module", pixels)
                    .isEqualTo(HIDDEN_BY_ITS_MASK);
        }
        assertThat(scan(image(svgModules(qr.svg(HIDDEN_BY_ITS_MASK)), 5))).isEqualTo(HIDDEN_BY_ITS_MASK);
    }

    @Test
    void everyTicketCodeIsFoundAsACameraScannerLooksForIt() throws Exception {
        // about one random token in 130 is missed with the encoder's own mask choice: 300 would almost surely hit one
        var random = new Random(20261121);
        for (int i = 0; i < 300; i++) {
            var bytes = new byte[TicketToken.PAYLOAD_LENGTH + 64];
            random.nextBytes(bytes);
            var token = "U1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(scan(qr.raster(token, 4))).as(token).isEqualTo(token);
            assertThat(scan(qr.raster(token, 7))).as(token).isEqualTo(token);
        }
    }

    /** The modules an SVG from {@link QrCodes#svg} paints; its path must be nothing but horizontal runs. */
    private static BitMatrix svgModules(String svg) {
        var size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg).results().findFirst().orElseThrow();
        assertThat(size.group(2)).isEqualTo(size.group(1));
        var matrix = new BitMatrix(Integer.parseInt(size.group(1)));
        var d = Pattern.compile(" d=\"([^\"]+)\"").matcher(svg).results().findFirst().orElseThrow().group(1);
        var runs = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(d);
        var painted = 0;
        while (runs.find()) {
            matrix.setRegion(Integer.parseInt(runs.group(1)), Integer.parseInt(runs.group(2)),
                    Integer.parseInt(runs.group(3)), 1);
            painted += runs.group().length();
        }
        assertThat(painted).isEqualTo(d.length());
        return matrix;
    }

    /** Reads a code as a camera scanner does: locating it by its finder patterns (no "pure barcode" shortcut). */
    private static String scan(BufferedImage image) throws Exception {
        var pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    private static void assertQuietZone(BitMatrix matrix) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < matrix.getWidth(); j++) {
                assertThat(matrix.get(i, j) || matrix.get(j, i) || matrix.get(matrix.getWidth() - 1 - i, j)
                        || matrix.get(j, matrix.getHeight() - 1 - i)).isFalse();
            }
        }
    }

    static Result decode(BufferedImage image) throws Exception {
        var pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
                pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static BufferedImage image(BitMatrix matrix, int scale) {
        var image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
