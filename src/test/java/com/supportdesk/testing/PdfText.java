package com.supportdesk.testing;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The text of a PDF as a reader sees it. Tests search this, never the PDF's bytes: page content is
 * compressed, so a string searched for in the bytes is not found even when it is on the page.
 */
public final class PdfText {

    private PdfText() {
    }

    /** The text of every page, one page after the other. */
    public static String of(byte[] pdf) {
        StringBuilder b = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor x = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                b.append(x.getTextFromPage(p)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF: " + e.getMessage(), e);
        }
        return b.toString();
    }
}
