package org.talon.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
    /** Templates of the kinds the domains register, and ones that broke the old order. */
    static final List<String> TEMPLATES = List.of("/b/{x}", "/c/d", "/bz", "/capabilities", "/session", "/devices",
            "/devices/{id}", "/pairings", "/pairings/{id}", "/tickets/{publicId}", "/tickets/new", "/branches",
            "/branches/{branch}/services", "/branches/{branch}/queues", "/branches/{branch}/tickets",
            "/branches/{branch}/counters/{counter}/next", "/branches/{branch}/site", "/branches/{branch}/site/services/{code}",
            "/branches/{branch}/site/counters/{id}", "/branches/{branch}/site/profiles/{id}", "/webhooks", "/webhooks/{id}", "/x/{a}/{id}", "/x/{z}/new");

    @Test
    void theOrderIsTransitiveAndAntisymmetric() {
        List<PathTemplate> all = TEMPLATES.stream().map(PathTemplate::new).toList();
        for (PathTemplate a : all) {
            for (PathTemplate b : all) {
                assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)), a.template + " vs " + b.template);
                for (PathTemplate c : all) {
                    if (a.compareTo(b) < 0 && b.compareTo(c) < 0) {
                        assertTrue(a.compareTo(c) < 0, a.template + " < " + b.template + " < " + c.template);
                    }
                }
            }
        }
    }

    @Test
    void everyTemplateIsFoundAndRemovedInASortedTable() {
        Map<PathTemplate, String> table = new ConcurrentSkipListMap<>();
        for (String t : TEMPLATES) table.put(new PathTemplate(t), t);
        assertEquals(TEMPLATES.size(), table.size());
        for (PathTemplate k : List.copyOf(table.keySet())) assertEquals(k.template, table.get(k));
        for (String t : TEMPLATES) assertEquals(t, table.remove(new PathTemplate(t)), t);
        assertTrue(table.isEmpty());
    }

    @Test
    void aLiteralSegmentComesBeforeAVariableOne() {
        assertTrue(new PathTemplate("/tickets/new").compareTo(new PathTemplate("/tickets/{publicId}")) < 0);
        // whatever the variables before it are called
        assertTrue(new PathTemplate("/x/{z}/new").compareTo(new PathTemplate("/x/{a}/{id}")) < 0);
        assertEquals(Map.of("publicId", "x1"), new PathTemplate("/tickets/{publicId}").match(List.of("tickets", "x1")));
    }
}
