package io.eventline.app.broker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData.WritableTxnMarker;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData.WritableTxnMarkerTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;

/**
 * Writes one transaction marker into one partition, as a transaction coordinator does, with Kafka's
 * own {@code WriteTxnMarkers} request. {@code Admin.abortTransaction} sends the same request but can
 * only abort; a transaction its coordinator committed needs a commit marker. The request goes over a
 * plain connection to the embedded node, which leads every partition; it needs no authorizer's leave
 * there, as the embedded node has none.
 */
final class TransactionMarkerWriter {
    private static final String CLIENT_ID = "eventline-transaction-marker-writer";

    private final InetSocketAddress node;
    private final AtomicInteger correlationIds = new AtomicInteger();

    TransactionMarkerWriter(String bootstrapServers) {
        int colon = bootstrapServers.lastIndexOf(':');
        this.node = new InetSocketAddress(bootstrapServers.substring(0, colon),
                Integer.parseInt(bootstrapServers.substring(colon + 1)));
    }

    void write(OpenTransaction open, TransactionResult result, Duration timeout) throws IOException {
        WriteTxnMarkersRequest request = new WriteTxnMarkersRequest.Builder(new WriteTxnMarkersRequestData()
                .setMarkers(List.of(marker(open, result)))).build(ApiKeys.WRITE_TXN_MARKERS.latestVersion());
        RequestHeader header = new RequestHeader(ApiKeys.WRITE_TXN_MARKERS, request.version(), CLIENT_ID,
                correlationIds.incrementAndGet());
        WriteTxnMarkersResponse response = (WriteTxnMarkersResponse) AbstractResponse.parseResponse(
                ByteBuffer.wrap(exchange(request.serializeWithHeader(header), timeout)), header);
        Errors error = response.errorsByProducerId().getOrDefault(open.producerId(), Map.of())
                .getOrDefault(open.partition(), Errors.UNKNOWN_SERVER_ERROR);
        if (error != Errors.NONE) {
            throw new IOException("Writing a " + result + " marker into " + open + " failed: " + error.message(),
                    error.exception());
        }
    }

    // The transaction's own epoch, as Admin's abort has it: the partition takes a marker of an epoch at
    // least its producer's, and a coordinator epoch at least the one it last saw.
    private static WritableTxnMarker marker(OpenTransaction open, TransactionResult result) {
        TopicPartition partition = open.partition();
        return new WritableTxnMarker()
                .setProducerId(open.producerId())
                .setProducerEpoch(open.producerEpoch())
                .setCoordinatorEpoch(open.coordinatorEpoch())
                .setTransactionResult(result.id)
                .setTopics(List.of(new WritableTxnMarkerTopic().setName(partition.topic())
                        .setPartitionIndexes(List.of(partition.partition()))));
    }

    // Kafka's wire framing: a 4-byte size, then the header and body; the answer comes framed the same way.
    private byte[] exchange(ByteBuffer request, Duration timeout) throws IOException {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(node, timeoutMs);
            socket.setSoTimeout(timeoutMs);
            byte[] bytes = new byte[request.remaining()];
            request.get(bytes);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            return in.readNBytes(in.readInt());
        }
    }
}
