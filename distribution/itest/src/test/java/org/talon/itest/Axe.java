package org.talon.itest;

import java.util.List;
import java.util.stream.Collectors;
import org.talon.bench.Browser;

/** axe-core (Deque's Selenium integration, with axe-core inside) on the page a browser shows. */
final class Axe {
    private Axe() {
    }

    /** The serious and critical violations on the page now, one line each. */
    static List<String> seriousViolations(Browser b) {
        var results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(b.driver);
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            throw new IllegalStateException("axe-core checked nothing on " + b.driver.getCurrentUrl());
        }
        return results.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.toList());
    }
}
