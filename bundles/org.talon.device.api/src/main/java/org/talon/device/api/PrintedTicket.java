package org.talon.device.api;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A ticket as printed: every text is already in the customer's language, so a driver lays it out
 * and encodes it and never translates. A value, built with {@link #builder()}; fields are added
 * in minor versions, and a field not set is {@code null}.
 */
public final class PrintedTicket {
    private final String branchName;
    private final String serviceName;
    private final String heading;
    private final String number;
    private final String waitText;
    private final ZonedDateTime issuedAt;
    private final String issuedText;
    private final String url;
    private final String urlCaption;
    private final Locale locale;

    private PrintedTicket(Builder b) {
        this.branchName = b.branchName;
        this.serviceName = b.serviceName;
        this.heading = b.heading;
        this.number = Objects.requireNonNull(b.number, "number");
        this.waitText = b.waitText;
        this.issuedAt = b.issuedAt;
        this.issuedText = b.issuedText;
        this.url = b.url;
        this.urlCaption = b.urlCaption;
        this.locale = b.locale == null ? Locale.ENGLISH : b.locale;
    }

    /** The branch's name, printed at the top. */
    public String branchName() {
        return branchName;
    }

    /** The service the ticket is for. */
    public String serviceName() {
        return serviceName;
    }

    /** The line above the number, e.g. "Your number". */
    public String heading() {
        return heading;
    }

    /** The ticket's number as called, e.g. {@code A001}: printed large. */
    public String number() {
        return number;
    }

    /** How many are ahead and the estimated wait, e.g. "3 ahead of you · about 5 min". */
    public String waitText() {
        return waitText;
    }

    /** When it was issued, in the branch's time zone. */
    public ZonedDateTime issuedAt() {
        return issuedAt;
    }

    /** {@link #issuedAt()} as the customer reads it, e.g. {@code 06.12.2026 14:05}. */
    public String issuedText() {
        return issuedText;
    }

    /** The address of the ticket's page on a phone, printed as a QR code; may be {@code null}. */
    public String url() {
        return url;
    }

    /** The line under the QR code, e.g. "Scan to follow your turn". */
    public String urlCaption() {
        return urlCaption;
    }

    /** The customer's language: a driver picks its code page by it. */
    public Locale locale() {
        return locale;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PrintedTicket}; only the number is required. */
    public static final class Builder {
        private String branchName;
        private String serviceName;
        private String heading;
        private String number;
        private String waitText;
        private ZonedDateTime issuedAt;
        private String issuedText;
        private String url;
        private String urlCaption;
        private Locale locale;

        private Builder() {
        }

        public Builder branchName(String v) {
            branchName = v;
            return this;
        }

        public Builder serviceName(String v) {
            serviceName = v;
            return this;
        }

        public Builder heading(String v) {
            heading = v;
            return this;
        }

        public Builder number(String v) {
            number = v;
            return this;
        }

        public Builder waitText(String v) {
            waitText = v;
            return this;
        }

        public Builder issuedAt(ZonedDateTime v) {
            issuedAt = v;
            return this;
        }

        public Builder issuedText(String v) {
            issuedText = v;
            return this;
        }

        public Builder url(String v) {
            url = v;
            return this;
        }

        public Builder urlCaption(String v) {
            urlCaption = v;
            return this;
        }

        public Builder locale(Locale v) {
            locale = v;
            return this;
        }

        public PrintedTicket build() {
            return new PrintedTicket(this);
        }
    }

    @Override
    public String toString() {
        return "PrintedTicket[" + number + ", " + serviceName + "]";
    }
}
