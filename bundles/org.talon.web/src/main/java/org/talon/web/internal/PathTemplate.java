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

    /** Literal segments before variables, so {@code /tickets/new} wins over {@code /tickets/{id}}. */
    @Override
    public int compareTo(PathTemplate o) {
        int n = Math.min(segments.size(), o.segments.size());
        for (int i = 0; i < n; i++) {
            boolean a = segments.get(i).startsWith("{");
            boolean b = o.segments.get(i).startsWith("{");
            if (a != b) return a ? 1 : -1;
        }
        return template.compareTo(o.template);
    }
}
