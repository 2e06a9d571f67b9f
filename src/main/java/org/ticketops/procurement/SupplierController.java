package org.ticketops.procurement;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers: procurement writes, the managers and finance read. */
@RestController
@RequestMapping("/api/suppliers")
@Tag(name = "Procurement")
class SupplierController {

    private final SupplierService suppliers;

    SupplierController(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @PostMapping
    ResponseEntity<SupplierService.SupplierView> create(@Valid @RequestBody NewSupplier command, Principal user) {
        SupplierService.SupplierView created = suppliers.create(command, user.getName());
        return ResponseEntity.created(URI.create("/api/suppliers/" + created.supplier().id())).body(created);
    }

    @GetMapping
    List<Supplier> list() {
        return suppliers.list();
    }

    @GetMapping("/{id}")
    SupplierService.SupplierView get(@PathVariable long id) {
        return suppliers.view(id);
    }

    @PatchMapping("/{id}")
    SupplierService.SupplierView update(@PathVariable long id, @Valid @RequestBody SupplierChanges changes, Principal user) {
        return suppliers.update(id, changes, user.getName());
    }

    @GetMapping("/{id}/scorecard")
    Scorecard scorecard(@PathVariable long id) {
        return suppliers.scorecard(id);
    }

    record LiftBlock(String reason) {
    }

    @PostMapping("/{id}/lift-block")
    SupplierService.SupplierView liftBlock(@PathVariable long id, @RequestBody LiftBlock body, Principal user) {
        return suppliers.liftBlock(id, body.reason(), user.getName());
    }
}
