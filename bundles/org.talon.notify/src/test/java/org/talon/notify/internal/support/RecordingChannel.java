package org.talon.notify.internal.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.OutgoingMessage;

/** A channel that keeps what it is handed; it refuses while {@link #failWith} is set. */
public final class RecordingChannel implements NotificationChannel {
    public final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    public volatile String failWith;

    @Override
    public void send(OutgoingMessage m) throws Exception {
        String f = failWith;
        if (f != null) throw new java.io.IOException(f);
        sent.add(m);
    }
}
