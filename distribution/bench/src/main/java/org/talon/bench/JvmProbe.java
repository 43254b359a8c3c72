package org.talon.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads a running JVM's own figures from outside, the way jconsole does: attaches to it by
 * process id, starts its local management agent and asks its MBeans. Direct (off-heap) buffer
 * memory, threads and heap are not visible in /proc; this is how the stream churn run checks them.
 */
public final class JvmProbe implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final long pid;

    /** What the JVM holds now. */
    public record Reading(long directBytes, long directBuffers, int threads, long heapUsedBytes, long heapCommittedBytes, long rssKiB) {
        public String describe() {
            return String.format("direct memory %.1f MiB in %d buffers, %d threads, heap %.0f of %.0f MiB committed, RSS %d MiB",
                    directBytes / 1048576.0, directBuffers, threads, heapUsedBytes / 1048576.0, heapCommittedBytes / 1048576.0, rssKiB / 1024);
        }
    }

    public JvmProbe(long pid) throws Exception {
        this.pid = pid;
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            String url = vm.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(url));
            mbeans = connector.getMBeanServerConnection();
        } finally {
            vm.detach();
        }
    }

    public Reading read() throws Exception {
        ObjectName direct = new ObjectName("java.nio:type=BufferPool,name=direct");
        javax.management.openmbean.CompositeData heap = (javax.management.openmbean.CompositeData) mbeans.getAttribute(
                new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage");
        return new Reading((Long) mbeans.getAttribute(direct, "MemoryUsed"), (Long) mbeans.getAttribute(direct, "Count"),
                (Integer) mbeans.getAttribute(new ObjectName("java.lang:type=Threading"), "ThreadCount"), (Long) heap.get("used"),
                (Long) heap.get("committed"), ProcFs.rssKiB(pid));
    }

    /** A full collection, as {@code jcmd GC.run} does: what is garbage is not counted as held. */
    public void gc() throws Exception {
        mbeans.invoke(new ObjectName("java.lang:type=Memory"), "gc", null, null);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
