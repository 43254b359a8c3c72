package org.talon.example.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.DurableSubscriber;
import org.talon.event.api.EventListener;
import org.talon.event.api.SchemaMigrations;

/**
 * The notices of each branch as a table, kept from the log: a durable subscriber, so a notice
 * posted while this bundle was away is in the table once it is back, and its row and its position
 * commit together.
 */
@Component(property = {DurableSubscriber.NAME + "=example.notices", EventListener.TYPES + "=" + PostNotice.POSTED})
public final class NoticeBoard implements DurableSubscriber {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource db;

    @Activate
    public NoticeBoard(@Reference(target = "(osgi.jndi.service.name=talon)") DataSource db, @Reference SchemaMigrations migrations) {
        migrations.migrate(FrameworkUtil.getBundle(NoticeBoard.class), "db/example", "example_schema");
        this.db = db;
    }

    @Override
    public void handle(DomainEvent e) throws Exception {
        String text = JSON.readTree(e.payload()).path("text").asText();
        // in the transaction that moves this subscriber's position: an event is handed again only
        // when neither committed, so a plain insert never meets its own row
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO example_notice (branch, seq, text) VALUES (?, ?, ?)")) {
            st.setString(1, e.branch());
            st.setLong(2, e.sequence());
            st.setString(3, text);
            st.executeUpdate();
        }
    }
}
