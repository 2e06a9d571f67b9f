package org.ticketops.casework;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A multi-instance collection from the comma list of ids a process keeps in one string variable (a Java list would
 * need Java serialization, which the engine refuses): {@code camunda:collection="${idList.parse(reviewIds)}"}.
 * Public: EL calls it.
 */
@Component("idList")
public class IdList {

    public List<String> parse(String ids) {
        return ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
    }
}
