package org.ticketops.complaint;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/** The Return call tasks' multi-instance collection: the planned calls' ids from their comma list (public: EL calls it). */
@Component("returnCallList")
public class ReturnCallList {

    public List<String> parse(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
    }
}
