package org.talon.event.internal;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One stored event. Its key is the branch and the sequence number in that branch's log. */
@Entity
@Table(name = "talon_event")
@IdClass(EventRow.Key.class)
public class EventRow {
    @Id
    @Column(name = "branch", length = 64)
    public String branch;
    @Id
    @Column(name = "seq")
    public long sequence;
    @Column(name = "type", nullable = false, length = 64)
    public String type;
    /** Epoch microseconds. */
    @Column(name = "at_time", nullable = false)
    public long time;
    @Column(name = "payload", nullable = false, length = 65535)
    public String payload;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String branch;
        public long sequence;

        public Key() {
        }

        public Key(String branch, long sequence) {
            this.branch = branch;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sequence == sequence && Objects.equals(k.branch, branch);
        }

        @Override
        public int hashCode() {
            return Objects.hash(branch, sequence);
        }
    }
}
