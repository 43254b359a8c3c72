package org.talon.queue.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A ticket's current state (the row the events of the ticket derive). Times are epoch microseconds. */
@Entity
@Table(name = "talon_ticket")
public class TicketRow {
    @Id
    @Column(name = "id")
    public long id;
    @Column(name = "branch", nullable = false, length = 64)
    public String branch;
    @Column(name = "number", nullable = false, length = 16)
    public String number;
    @Column(name = "business_day", nullable = false)
    public java.time.LocalDate day;
    @Column(name = "daily_number", nullable = false)
    public int dailyNumber;
    @Column(name = "prefix", nullable = false, length = 8)
    public String prefix;
    @Column(name = "service", nullable = false, length = 32)
    public String service;
    @Column(name = "queue_id", nullable = false, length = 32)
    public String queue;
    @Column(name = "priority", nullable = false, length = 16)
    public String priority;
    @Column(name = "channel", nullable = false, length = 16)
    public String channel;
    @Column(name = "language", length = 16)
    public String language;
    @Column(name = "contact", length = 200)
    public String contact;
    @Column(name = "state", nullable = false, length = 16)
    public String state;
    @Column(name = "issued_at", nullable = false)
    public long issuedAt;
    @Column(name = "called_at")
    public Long calledAt;
    @Column(name = "served_at")
    public Long servedAt;
    @Column(name = "finished_at")
    public Long finishedAt;
    @Column(name = "counter_id", length = 32)
    public String counter;
    @Column(name = "operator_pool", length = 64)
    public String operatorPool;
    @Column(name = "recalls", nullable = false)
    public int recalls;
    @Column(name = "line_key", nullable = false)
    public long lineKey;
    @Column(name = "line_order", nullable = false)
    public long lineOrder;
    @Column(name = "public_id", length = 32)
    public String publicId;
    @Column(name = "idempotency_key", length = 100)
    public String idempotencyKey;
    @Column(name = "issued_by", length = 64)
    public String issuedBy;
}
