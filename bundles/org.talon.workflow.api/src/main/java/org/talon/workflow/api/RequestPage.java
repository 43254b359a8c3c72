package org.talon.workflow.api;

import java.util.List;

/**
 * A page of a work list.
 *
 * @param total how many requests the query matches in all
 * @param items the page, in the query's order
 */
public record RequestPage(int total, List<Request> items) {
    public RequestPage {
        items = List.copyOf(items);
    }
}
