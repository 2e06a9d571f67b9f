package org.ticketops.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.ticketops.web.Display;

/** The daily revenue report as a PDF (OpenPDF), with the invoice's font setting for names in Chinese. */
@Component
class RevenuePdf {

    private final String fontPath;
    private final String seller;

    RevenuePdf(@Value("${ticketops.sales.invoice-font:}") String fontPath,
               @Value("${ticketops.sales.seller:TicketOps ticketing center}") String seller) {
        this.fontPath = fontPath;
        this.seller = seller;
    }

    byte[] render(RevenueReports.Daily d) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document document = new Document(PageSize.A4, 48, 48, 56, 56);
            PdfWriter.getInstance(document, out);
            document.addTitle("Daily revenue " + d.day());
            document.addCreator("TicketOps");
            document.open();
            BaseFont base = fontPath == null || fontPath.isBlank()
                    ? BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED)
                    : BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font title = new Font(base, 16, Font.BOLD);
            Font bold = new Font(base, 10, Font.BOLD);
            Font text = new Font(base, 9);
            document.add(new Paragraph(seller, bold));
            document.add(new Paragraph("Daily revenue · " + d.day(), title));
            document.add(new Paragraph(" ", text));
            PdfPTable totals = table(new float[]{40, 20, 20, 20}, bold, "", "Orders / payments", "", "Amount");
            row(totals, text, "Gross sales (list prices)", String.valueOf(d.orders()), "", Display.money(d.gross()));
            row(totals, text, "Discounts", "", "", Display.money(d.discounts().negate()));
            row(totals, text, "Sales", "", "", Display.money(d.sales()));
            row(totals, text, "Refunds paid", String.valueOf(d.refundPayments()), "", Display.money(d.refunds().negate()));
            row(totals, text, "Provider fees", "", "", Display.money(d.fees().negate()));
            row(totals, bold, "Net", "", "", Display.money(d.net()));
            document.add(totals);
            section(document, bold, text, "By channel", d.byChannel());
            section(document, bold, text, "By event", d.byEvent());
            document.add(new Paragraph("By payment method", bold));
            PdfPTable methods = table(new float[]{40, 20, 20, 20}, bold, "Method", "Payments", "", "Amount");
            for (RevenueReports.MethodRow r : d.byPaymentMethod()) {
                row(methods, text, r.label(), String.valueOf(r.payments()), "", Display.money(r.amount()));
            }
            document.add(methods);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(Document document, Font bold, Font text, String heading, List<RevenueReports.SalesRow> rows) {
        document.add(new Paragraph(" ", text));
        document.add(new Paragraph(heading, bold));
        PdfPTable table = table(new float[]{40, 12, 16, 16, 16}, bold, "", "Orders", "Gross", "Discounts", "Sales");
        for (RevenueReports.SalesRow r : rows) {
            row(table, text, r.label(), String.valueOf(r.orders()), Display.money(r.gross()), Display.money(r.discounts()),
                    Display.money(r.sales()));
        }
        document.add(table);
    }

    private static PdfPTable table(float[] widths, Font font, String... headings) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        row(table, font, headings);
        return table;
    }

    private static void row(PdfPTable table, Font font, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(cells[i], font));
            cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBorderWidth(0.3f);
            table.addCell(cell);
        }
    }

}
