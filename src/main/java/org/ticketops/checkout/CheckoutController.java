package org.ticketops.checkout;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.billing.BillingService;
import org.ticketops.billing.OrderInvoice;
import org.ticketops.customer.CustomerService;
import org.ticketops.sales.Order;
import org.ticketops.sales.SalesService;
import org.ticketops.web.NotFound;

/** Selling: an order placed from a quote, a held order's deposit, and an order's invoice (JSON or PDF). */
@RestController
class CheckoutController {

    private final CheckoutService checkout;
    private final SalesService sales;
    private final BillingService billing;
    private final CustomerService customers;
    private final InvoicePdf pdf;

    CheckoutController(CheckoutService checkout, SalesService sales, BillingService billing, CustomerService customers,
                       InvoicePdf pdf) {
        this.checkout = checkout;
        this.sales = sales;
        this.billing = billing;
        this.customers = customers;
        this.pdf = pdf;
    }

    @Operation(summary = "Sells an order priced as POST /api/quotes prices it; Idempotency-Key makes a retry answer the first order")
    @PostMapping("/api/orders")
    ResponseEntity<PlacedOrder> place(@Valid @RequestBody NewOrder order,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
        PlacedOrder placed = checkout.place(order, user.getName(), key);
        return ResponseEntity.created(URI.create("/api/orders/" + placed.order().id())).body(placed);
    }

    @Operation(summary = "The customer pays a held order (deposit required) before its hold runs out")
    @PostMapping("/api/orders/{id}/payment")
    PlacedOrder pay(@PathVariable long id, @Valid @RequestBody NewOrder.PaymentDetails payment, Principal user) {
        return checkout.payDeposit(id, payment, user.getName());
    }

    @Operation(summary = "An order's invoice as JSON")
    @GetMapping(path = "/api/orders/{id}/invoice", produces = MediaType.APPLICATION_JSON_VALUE)
    OrderInvoice invoice(@PathVariable long id) {
        sales.order(id);
        return billing.invoiceOfOrder(id).orElseThrow(() -> new NotFound("invoice of order", id));
    }

    @Operation(summary = "An order's invoice as PDF (Accept: application/pdf)")
    @GetMapping(path = "/api/orders/{id}/invoice", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> invoicePdf(@PathVariable long id) {
        Order order = sales.order(id);
        OrderInvoice invoice = billing.invoiceOfOrder(id).orElseThrow(() -> new NotFound("invoice of order", id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + invoice.number() + ".pdf\"")
                .body(pdf.render(invoice, order, customers.get(order.customerId())));
    }
}
