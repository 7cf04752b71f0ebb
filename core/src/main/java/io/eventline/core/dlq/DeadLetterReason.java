package io.eventline.core.dlq;

import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import java.util.Arrays;
import java.util.Optional;

/** Why a record was dead-lettered: the code in the {@value DeadLetterHeaders#REASON} header. */
public enum DeadLetterReason {
    /** Not an envelope at all: no value, not JSON, a missing or mistyped field. */
    UNREADABLE("unreadable"),
    /** An envelope of a type the consumer's catalogue does not know. */
    UNKNOWN_TYPE("unknown-type"),
    /** A known type at a version the consumer does not know (a newer producer's). */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** A known type and version whose data does not fit it. */
    MALFORMED_DATA("malformed-data"),
    /** Readable, but processing it threw: Kafka Streams' own dead letters ({@code __streams.errors.*}). */
    PROCESSING_FAILED("processing-failed"),
    /**
     * A Kafka Connect sink could not write it (Connect's own dead letters, {@code __connect.errors.*}).
     * Not replayed from here: the sink's topic has other readers, which would read it twice.
     */
    SINK_FAILED("sink-failed");

    private final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<DeadLetterReason> ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    /**
     * The reason a reading exception stands for. {@link UnknownMessageTypeException} covers both an
     * unknown type and an unknown version; {@code Catalogue.decode} says which by its message, which
     * {@code DeadLetterReasonTest} pins down.
     */
    public static DeadLetterReason of(RuntimeException e) {
        return switch (e) {
            case MalformedEnvelopeException malformed -> UNREADABLE;
            case MalformedMessageException malformed -> MALFORMED_DATA;
            case UnknownMessageTypeException unknown -> unknown.getMessage() != null
                    && unknown.getMessage().startsWith("unknown type ") ? UNKNOWN_TYPE : UNSUPPORTED_VERSION;
            default -> PROCESSING_FAILED;
        };
    }
}
