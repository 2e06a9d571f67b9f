package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Csv;

/**
 * The daily revenue report: a business day's sales (gross, discounts, net of discounts) by channel, by event and by
 * payment method, the money paid back, the provider's fees and what is left; and the month as a row per day.
 */
@Service
public class RevenueReports {

    /** Sales of one channel or event: orders, list value, discounts, sold. */
    public record SalesRow(String label, long orders, BigDecimal gross, BigDecimal discounts, BigDecimal sales) {
    }

    /** Money taken by one payment method. */
    public record MethodRow(String label, long payments, BigDecimal amount) {
    }

    /** Money paid back: refunds, exchanges' differences, compensations. */
    public record Refunds(long payments, BigDecimal amount) {
    }

    public record Daily(LocalDate day, long orders, BigDecimal gross, BigDecimal discounts, BigDecimal sales,
                        BigDecimal refunds, long refundPayments, BigDecimal fees, BigDecimal net, List<SalesRow> byChannel,
                        List<SalesRow> byEvent, List<MethodRow> byPaymentMethod) {
    }

    public record Monthly(YearMonth month, List<Daily> days, long orders, BigDecimal gross, BigDecimal discounts,
                          BigDecimal sales, BigDecimal refunds, BigDecimal fees, BigDecimal net) {
    }

    private final RevenueMapper mapper;
    private final ZoneId zone;

    RevenueReports(RevenueMapper mapper, TicketOpsProperties ticketOps) {
        this.mapper = mapper;
        this.zone = ticketOps.zone();
    }

    public Daily daily(LocalDate day) {
        var from = day.atStartOfDay(zone).toInstant();
        var to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<SalesRow> channels = mapper.byChannel(from, to);
        long orders = channels.stream().mapToLong(SalesRow::orders).sum();
        BigDecimal gross = sum(channels.stream().map(SalesRow::gross).toList());
        BigDecimal discounts = sum(channels.stream().map(SalesRow::discounts).toList());
        BigDecimal sales = sum(channels.stream().map(SalesRow::sales).toList());
        Refunds refunds = mapper.refunds(from, to);
        BigDecimal paidBack = refunds.amount().setScale(2);
        BigDecimal fees = mapper.fees(day, day).setScale(2);
        return new Daily(day, orders, gross, discounts, sales, paidBack, refunds.payments(), fees,
                sales.subtract(paidBack).subtract(fees), channels, mapper.byEvent(from, to), mapper.byMethod(from, to));
    }

    public Monthly monthly(YearMonth month) {
        List<Daily> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days.add(daily(day));
        }
        return new Monthly(month, days, days.stream().mapToLong(Daily::orders).sum(), sum(days.stream().map(Daily::gross).toList()),
                sum(days.stream().map(Daily::discounts).toList()), sum(days.stream().map(Daily::sales).toList()),
                sum(days.stream().map(Daily::refunds).toList()), sum(days.stream().map(Daily::fees).toList()),
                sum(days.stream().map(Daily::net).toList()));
    }

    /** The day as CSV: the totals, then each breakdown's rows; a text that could start a formula is defused. */
    public String csv(Daily d) {
        StringBuilder out = new StringBuilder("section,label,orders_or_payments,gross,discounts,amount\n");
        out.append("total,sales,").append(d.orders()).append(',').append(d.gross()).append(',').append(d.discounts())
                .append(',').append(d.sales()).append('\n');
        out.append("total,refunds,").append(d.refundPayments()).append(",,,").append(d.refunds()).append('\n');
        out.append("total,fees,,,,").append(d.fees()).append('\n');
        out.append("total,net,,,,").append(d.net()).append('\n');
        for (SalesRow r : d.byChannel()) {
            out.append("channel,").append(Csv.cell(r.label())).append(',').append(r.orders()).append(',').append(r.gross())
                    .append(',').append(r.discounts()).append(',').append(r.sales()).append('\n');
        }
        for (SalesRow r : d.byEvent()) {
            out.append("event,").append(Csv.cell(r.label())).append(',').append(r.orders()).append(',').append(r.gross())
                    .append(',').append(r.discounts()).append(',').append(r.sales()).append('\n');
        }
        for (MethodRow r : d.byPaymentMethod()) {
            out.append("payment_method,").append(Csv.cell(r.label())).append(',').append(r.payments()).append(",,,")
                    .append(r.amount()).append('\n');
        }
        return out.toString();
    }

    public String csv(Monthly m) {
        StringBuilder out = new StringBuilder("day,orders,gross,discounts,sales,refunds,fees,net\n");
        for (Daily d : m.days()) {
            out.append(d.day()).append(',').append(d.orders()).append(',').append(d.gross()).append(',').append(d.discounts())
                    .append(',').append(d.sales()).append(',').append(d.refunds()).append(',').append(d.fees()).append(',')
                    .append(d.net()).append('\n');
        }
        out.append("total,").append(m.orders()).append(',').append(m.gross()).append(',').append(m.discounts()).append(',')
                .append(m.sales()).append(',').append(m.refunds()).append(',').append(m.fees()).append(',').append(m.net()).append('\n');
        return out.toString();
    }


    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
