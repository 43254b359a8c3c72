package org.talon.device.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;

/** {@code tcp://host:port}: a raw socket, as a network printer's port 9100 or a serial-to-Ethernet adapter takes. */
public final class TcpTransport implements Transport {
    static final int CONNECT_TIMEOUT_MILLIS = 3000;
    /** How long a read waits before it returns 0, so a closed link is noticed. */
    static final int READ_TIMEOUT_MILLIS = 1000;

    @Override
    public String scheme() {
        return "tcp";
    }

    @Override
    public void check(URI uri) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new IllegalArgumentException("no host in " + uri + " (write tcp://host:port)");
        if (uri.getPort() <= 0) throw new IllegalArgumentException("no port in " + uri + " (write tcp://host:port, e.g. tcp://10.0.0.5:9100)");
    }

    @Override
    public Link open(URI uri) throws IOException {
        check(uri);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new Link() {
            @Override
            public int read(byte[] buffer) throws IOException {
                try {
                    int n = in.read(buffer);
                    if (n < 0) throw new IOException("closed by " + uri.getHost() + ":" + uri.getPort());
                    return n;
                } catch (SocketTimeoutException e) {
                    return 0;
                }
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                out.write(bytes);
                out.flush();
            }

            @Override
            public void close() {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken socket
                }
            }
        };
    }
}
