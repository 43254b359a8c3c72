package org.talon.event.internal;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A durable subscriber's place in one branch's log. */
@Entity
@Table(name = "talon_subscription")
@IdClass(SubscriptionRow.Key.class)
public class SubscriptionRow {
    @Id
    @Column(name = "name", length = 200)
    public String name;
    @Id
    @Column(name = "branch", length = 64)
    public String branch;
    /** The last sequence handled. */
    @Column(name = "position", nullable = false)
    public long position;
    /** Epoch microseconds. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        public String branch;

        public Key() {
        }

        public Key(String name, String branch) {
            this.name = name;
            this.branch = branch;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.name, name) && Objects.equals(k.branch, branch);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, branch);
        }
    }
}
