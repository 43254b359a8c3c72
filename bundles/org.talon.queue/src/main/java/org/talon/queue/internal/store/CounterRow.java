package org.talon.queue.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A counter's current state. The key is {@code branch/counter}. */
@Entity
@Table(name = "talon_counter")
public class CounterRow {
    @Id
    @Column(name = "id", length = 100)
    public String id;
    @Column(name = "branch", nullable = false, length = 64)
    public String branch;
    @Column(name = "counter_id", nullable = false, length = 32)
    public String counter;
    @Column(name = "state", nullable = false, length = 16)
    public String state;
    @Column(name = "operator", length = 64)
    public String operator;
}
