package org.ticketops.refund;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;

@RestController
@RequestMapping("/api/refund-requests")
class RefundRequestController {

    private final RefundService refunds;
    private final RefundExchanges exchanges;
    private final RefundRegistration registration;

    RefundRequestController(RefundService refunds, RefundExchanges exchanges, RefundRegistration registration) {
        this.exchanges = exchanges;
        this.refunds = refunds;
        this.registration = registration;
    }

    /**
     * Registers a refund or exchange request and starts its process; answers with the fees already
     * decided. An {@code Idempotency-Key} makes a retried call return the first call's request.
     */
    @PostMapping
    ResponseEntity<RefundRequestDetails> open(@Valid @RequestBody NewRefundRequest request,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              Principal user) {
        RefundRequestDetails details = registration.open(request, user.getName(), key);
        return ResponseEntity.created(URI.create("/api/refund-requests/" + details.request().id())).body(details);
    }

    @GetMapping("/{id}")
    RefundRequestDetails get(@PathVariable long id) {
        return refunds.details(id);
    }

    /** Requests, newest first, filtered by status and customer. */
    @GetMapping
    Page<RefundRequest> list(@RequestParam(required = false) RefundRequestStatus status,
                             @RequestParam(required = false) Long customerId,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        return refunds.list(status, customerId, new PageRequest(page, size));
    }

    record PaymentReceived(@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
                           @NotBlank @Size(max = 20) String method,
                           @Size(max = 100) String externalReference) {
    }

    /** The customer paid an exchange's difference (message ExchangePaymentReceived). */
    @PostMapping("/{id}/payment")
    RefundRequestDetails payment(@PathVariable long id, @Valid @RequestBody PaymentReceived payment, Principal user) {
        return exchanges.receivePayment(id, payment.amount(), payment.method(), payment.externalReference(), user.getName());
    }

    record Withdrawal(@Size(max = 500) String reason) {
    }

    /** The customer withdraws the request while it waits for review, approval or payment (message RefundWithdrawn). */
    @PostMapping("/{id}/withdraw")
    RefundRequestDetails withdraw(@PathVariable long id, @Valid @RequestBody(required = false) Withdrawal withdrawal,
                                  Principal user) {
        return refunds.withdraw(id, withdrawal == null ? null : withdrawal.reason(), user.getName());
    }
}
