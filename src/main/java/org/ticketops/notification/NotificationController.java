package org.ticketops.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators see the messages that could not be delivered and put them back in the queue. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationOutbox outbox;

    NotificationController(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    /** The newest 100 messages in a status (default FAILED). */
    @GetMapping
    List<Notification> list(@RequestParam(defaultValue = "FAILED") Notification.Status status) {
        return outbox.withStatus(status, 100);
    }

    @PostMapping("/{id}/retry")
    Notification retry(@PathVariable long id) {
        return outbox.retry(id);
    }
}
