package org.talon.workflow.internal.engine;

import java.util.List;
import java.util.Map;
import org.talon.queue.api.Branch;
import org.talon.workflow.api.RequestType;

/** What a branch takes as requests now: the branch (zone, calendar), its settings, its types by code, its staff in order. */
public record Setup(Branch branch, Settings settings, Map<String, RequestType> types, List<Staff> staff) {
    public Setup {
        types = Map.copyOf(types);
        staff = List.copyOf(staff);
    }

    public Staff member(String id) {
        for (Staff s : staff) {
            if (s.id().equals(id)) return s;
        }
        return null;
    }
}
