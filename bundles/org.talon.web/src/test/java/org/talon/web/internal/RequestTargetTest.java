package org.talon.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    static String refused(String path, String query) {
        WebProblem p = assertThrows(WebProblem.class, () -> RequestTarget.parse(path, query), path + "?" + query);
        assertEquals(400, p.status());
        return p.key();
    }

    @Test
    void segmentsAreDecodedOneByOneSoAnEncodedSlashStaysInItsSegment() {
        assertEquals(List.of("branches", "demo/queues"), RequestTarget.parse("/branches/demo%2Fqueues", null).segments);
        assertEquals(List.of("branches", "demo", "queues"), RequestTarget.parse("/branches/demo/queues", null).segments);
        assertEquals(List.of("branches", "d\u00e9mo"), RequestTarget.parse("/branches/d%C3%A9mo", null).segments);
    }

    @Test
    void nothingIsTrimmedAndEmptySegmentsStay() {
        assertEquals(List.of("branches", "demo\u3000", "queues"), RequestTarget.parse("/branches/demo%E3%80%80/queues", null).segments);
        assertEquals(List.of("branches", "demo ", "queues"), RequestTarget.parse("/branches/demo%20/queues", null).segments);
        assertEquals(List.of("branches", "", "queues"), RequestTarget.parse("/branches//queues", null).segments);
        assertEquals(List.of(), RequestTarget.parse("", null).segments);
        PathTemplate t = new PathTemplate("/branches/{branch}/queues");
        assertNull(t.match(RequestTarget.parse("/branches//queues", null).segments), "an empty segment names nothing");
        assertEquals(Map.of("branch", "demo\u3000"), t.match(RequestTarget.parse("/branches/demo%E3%80%80/queues", null).segments));
    }

    @Test
    void brokenEncodingsAndControlCharactersAreA400() {
        assertEquals("path.encoding", refused("/branches/%zz", null));
        assertEquals("path.encoding", refused("/branches/%C3", null));
        assertEquals("path.encoding", refused("/branches/%ff%fe", null));
        assertEquals("path.encoding", refused("/branches/%C0%AF", null));
        assertEquals("path.encoding", refused("/branches/a%00b", null));
        assertEquals("path.encoding", refused("/branches/a%09", null));
        assertEquals("query.encoding", refused("/x", "from=%zz"));
        assertEquals("query.encoding", refused("/x", "lastEventId=%ff%fe"));
        assertEquals("query.encoding", refused("/x", "from=%"));
    }

    @Test
    void queryParametersAreDecodedAndEachComesOnce() {
        RequestTarget t = RequestTarget.parse("/x", "from=now&lastEventId=12&q=a+b%20c&flag");
        assertEquals(Map.of("from", "now", "lastEventId", "12", "q", "a b c", "flag", ""), t.query);
        assertEquals("query.duplicate", refused("/x", "from=now&from=start"));
    }
}
