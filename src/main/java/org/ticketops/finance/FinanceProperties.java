package org.ticketops.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketops.reconciliation.*}.
 *
 * @param schedule    when the previous business day is reconciled (Spring cron in ticketops.zone; "-" switches it off)
 * @param inboxDir    a folder where the payment provider's settlement files are dropped (none: uploads only); a file
 *                    is imported when the day is reconciled and moved to {@code processed/} (or {@code refused/})
 * @param maxFileSize the largest settlement file taken, in bytes
 */
@ConfigurationProperties("ticketops.reconciliation")
public record FinanceProperties(@DefaultValue("0 0 2 * * *") String schedule, String inboxDir,
                                @DefaultValue("33554432") long maxFileSize) {
}
