import com.sun.tools.attach.VirtualMachine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What a running {@code ./eventline run} asks of its embedded broker, per second over a window: the
 * broker's requests by type and the stream threads' commits and polls, from Kafka's own metrics (JMX,
 * through the attach API: same user, same machine). A single-file program, for scripts/load-cost.sh:
 * {@code java scripts/RequestRates.java PID SECONDS}.
 */
public final class RequestRates {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String address = vm.startLocalManagementAgent();
        double seconds = Double.parseDouble(args[1]);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            Map<String, Double> before = counts(server);
            Thread.sleep((long) (seconds * 1000));
            Map<String, Double> after = counts(server);
            after.forEach((name, count) -> {
                double rate = (count - before.getOrDefault(name, 0.0)) / seconds;
                if (rate >= 0.5) {
                    System.out.printf("%9.1f/s  %s%n", rate, name);
                }
            });
        } finally {
            vm.detach();
        }
    }

    private static Map<String, Double> counts(MBeanServerConnection server) throws Exception {
        Map<String, Double> counts = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
            counts.merge("broker " + name.getKeyProperty("request") + " requests", count(server, name, "Count"), Double::sum);
        }
        for (ObjectName name : server.queryNames(new ObjectName("kafka.streams:type=stream-thread-metrics,*"), null)) {
            // eventline-orders-<uuid>-StreamThread-1 -> eventline-orders StreamThread-1
            String thread = name.getKeyProperty("thread-id").replaceAll("-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-", " ");
            for (String metric : List.of("commit-total", "poll-total")) {
                try {
                    counts.put("stream thread " + metric.replace("-total", "s") + " " + thread, count(server, name, metric));
                } catch (AttributeNotFoundException e) {
                    // a thread of another kind (a global one) under the same metrics group
                }
            }
        }
        return counts;
    }

    private static double count(MBeanServerConnection server, ObjectName name, String attribute) throws Exception {
        return ((Number) server.getAttribute(name, attribute)).doubleValue();
    }
}
