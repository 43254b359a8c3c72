package org.talon.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A path template such as {@code /branches/{branch}/tickets}, matched segment by segment. */
final class PathTemplate implements Comparable<PathTemplate> {
    final String template;
    private final List<String> segments;

    PathTemplate(String template) {
        this.template = template;
        this.segments = split(template);
    }

    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** The variables when {@code path} matches, else {@code null}. */
    Map<String, String> match(List<String> path) {
        if (path.size() != segments.size()) return null;
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String t = segments.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                // an empty segment is no id: "/branches//queues" names no branch
                if (path.get(i).isEmpty()) return null;
                vars.put(t.substring(1, t.length() - 1), path.get(i));
            }
            else if (!t.equals(path.get(i))) return null;
        }
        return vars;
    }

    /**
     * Segment by segment, a literal before a variable (whatever the variables are called), so
     * {@code /tickets/new} wins over {@code /tickets/{id}} and {@code /x/{z}/new} over
     * {@code /x/{a}/{id}}; then the shorter first; then the text. A total order: the route table
     * is a sorted map, and an order that is not transitive loses keys in it ({@code /b/{x} > /c/d
     * > /bz} yet {@code /b/{x} < /bz} once lost a route table its removals).
     */
    @Override
    public int compareTo(PathTemplate o) {
        int n = Math.min(segments.size(), o.segments.size());
        for (int i = 0; i < n; i++) {
            String s = segments.get(i);
            String t = o.segments.get(i);
            boolean a = s.startsWith("{");
            boolean b = t.startsWith("{");
            if (a != b) return a ? 1 : -1;
            if (!a && !s.equals(t)) return s.compareTo(t);
        }
        if (segments.size() != o.segments.size()) return Integer.compare(segments.size(), o.segments.size());
        return template.compareTo(o.template);
    }
}
