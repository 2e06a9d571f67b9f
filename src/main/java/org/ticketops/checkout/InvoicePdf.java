package org.ticketops.checkout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
import org.ticketops.billing.OrderInvoice;
import org.ticketops.customer.Customer;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.sales.Order;

/**
 * Draws an order's invoice as a one-page PDF with OpenPDF. The standard PDF fonts cover Latin text only: for
 * names in Chinese, point {@code ticketops.sales.invoice-font} at a TrueType font with CJK glyphs (Noto Sans CJK,
 * Source Han Sans), which is then embedded.
 */
@Component
class InvoicePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private final ZoneId zone;
    private final String fontPath;

    private final String seller;

    InvoicePdf(TicketOpsProperties ticketOps, @Value("${ticketops.sales.invoice-font:}") String fontPath,
               @Value("${ticketops.sales.seller:TicketOps ticketing center}") String seller) {
        this.zone = ticketOps.zone();
        this.fontPath = fontPath;
        this.seller = seller;
    }

    byte[] render(OrderInvoice invoice, Order order, Customer customer) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document document = new Document(PageSize.A4, 48, 48, 56, 56);
            PdfWriter.getInstance(document, out);
            document.addTitle("Invoice " + invoice.number());
            document.addCreator("TicketOps");
            document.open();
            BaseFont base = baseFont();
            Font title = new Font(base, 18, Font.BOLD);
            Font text = new Font(base, 10);
            Font bold = new Font(base, 10, Font.BOLD);
            document.add(new Paragraph(seller, bold));
            document.add(new Paragraph("Invoice " + invoice.number(), title));
            String channel = order.channel().name().charAt(0) + order.channel().name().substring(1).toLowerCase(Locale.ROOT)
                    .replace('_', ' ');
            document.add(new Paragraph("Issued " + DATE.format(invoice.issuedAt().atZone(zone)) + " · order " + order.id()
                    + " · " + channel, text));
            document.add(new Paragraph("Customer: " + customer.name() + (customer.email() == null ? "" : " · " + customer.email()),
                    text));
            document.add(new Paragraph(order.eventName() + " · " + DATE.format(order.showStartsAt().atZone(zone)), text));
            document.add(new Paragraph(" ", text));

            PdfPTable table = new PdfPTable(new float[]{38, 7, 11, 11, 11, 11, 11});
            table.setWidthPercentage(100);
            String[] headers = {"Item", "Qty", "Unit price", "Discount", "Net", "VAT", "Total"};
            for (int i = 0; i < headers.length; i++) {
                table.addCell(cell(headers[i], bold, i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
            }
            for (OrderInvoice.Line line : invoice.lines()) {
                table.addCell(cell(line.description(), text, Element.ALIGN_LEFT));
                table.addCell(cell(String.valueOf(line.quantity()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(line.unitPrice()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(line.discount()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(line.net()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(line.tax()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(line.gross()), text, Element.ALIGN_RIGHT));
            }
            document.add(table);
            document.add(new Paragraph(" ", text));
            String rate = invoice.taxRate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
            document.add(right("Discount: CNY " + money(invoice.discount()), text));
            document.add(right("Net: CNY " + money(invoice.net()), text));
            document.add(right("VAT " + rate + " %: CNY " + money(invoice.tax()), text));
            document.add(right("Total: CNY " + money(invoice.gross()), bold));
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BaseFont baseFont() throws IOException {
        if (fontPath != null && !fontPath.isBlank() && Files.isReadable(Path.of(fontPath))) {
            return BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        }
        return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        return cell;
    }

    private static Paragraph right(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        return paragraph;
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ENGLISH, "%,.2f", amount);
    }
}
