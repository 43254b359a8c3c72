package org.talon.device.internal.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code serial:/dev/ttyUSB0?baud=9600&databits=8&parity=none&stopbits=1&flow=none} on jSerialComm
 * ({@code serial:COM3?baud=9600} on Windows). A pseudo-terminal or a symlink to one opens as well.
 * jSerialComm loads a native library when first used: if that fails, serial URIs are refused with
 * the reason and every other transport goes on working.
 */
public final class SerialTransport implements Transport {
    /** A read returns 0 after this long without a byte. */
    static final int READ_TIMEOUT_MILLIS = 500;
    static final int WRITE_TIMEOUT_MILLIS = 5000;

    /** The port's settings as a URI gives them. */
    record Settings(String path, int baud, int dataBits, int parity, int stopBits, int flow) {
    }

    @Override
    public String scheme() {
        return "serial";
    }

    @Override
    public void check(URI uri) {
        settings(uri);
    }

    static Settings settings(URI uri) {
        String ssp = uri.getRawSchemeSpecificPart();
        int q = ssp.indexOf('?');
        String path = q < 0 ? ssp : ssp.substring(0, q);
        while (path.startsWith("//")) path = path.substring(1);
        if (path.isEmpty()) throw new IllegalArgumentException("no port in " + uri + " (write serial:/dev/ttyUSB0?baud=9600)");
        Map<String, String> p = new HashMap<>();
        if (q >= 0) {
            for (String kv : ssp.substring(q + 1).split("&")) {
                if (kv.isEmpty()) continue;
                int e = kv.indexOf('=');
                String k = (e < 0 ? kv : kv.substring(0, e)).toLowerCase(Locale.ROOT);
                p.put(k, e < 0 ? "" : kv.substring(e + 1).toLowerCase(Locale.ROOT));
            }
        }
        for (String k : p.keySet()) {
            if (!Map.of("baud", 1, "databits", 1, "parity", 1, "stopbits", 1, "flow", 1).containsKey(k)) {
                throw new IllegalArgumentException("unknown setting '" + k + "' in " + uri + " (known: baud, databits, parity, stopbits, flow)");
            }
        }
        int baud = number(p.getOrDefault("baud", "9600"), "baud", uri);
        if (baud < 50 || baud > 4_000_000) throw new IllegalArgumentException("baud " + baud + " out of range in " + uri);
        int dataBits = number(p.getOrDefault("databits", "8"), "databits", uri);
        if (dataBits < 5 || dataBits > 8) throw new IllegalArgumentException("databits must be 5 to 8 in " + uri);
        int parity = switch (p.getOrDefault("parity", "none")) {
            case "none", "n" -> SerialPort.NO_PARITY;
            case "even", "e" -> SerialPort.EVEN_PARITY;
            case "odd", "o" -> SerialPort.ODD_PARITY;
            case "mark", "m" -> SerialPort.MARK_PARITY;
            case "space", "s" -> SerialPort.SPACE_PARITY;
            default -> throw new IllegalArgumentException("parity must be none, even, odd, mark or space in " + uri);
        };
        int stopBits = switch (p.getOrDefault("stopbits", "1")) {
            case "1" -> SerialPort.ONE_STOP_BIT;
            case "1.5" -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case "2" -> SerialPort.TWO_STOP_BITS;
            default -> throw new IllegalArgumentException("stopbits must be 1, 1.5 or 2 in " + uri);
        };
        int flow = switch (p.getOrDefault("flow", "none")) {
            case "none" -> SerialPort.FLOW_CONTROL_DISABLED;
            case "rtscts" -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case "xonxoff" -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            default -> throw new IllegalArgumentException("flow must be none, rtscts or xonxoff in " + uri);
        };
        return new Settings(path, baud, dataBits, parity, stopBits, flow);
    }

    private static int number(String v, String name, URI uri) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number in " + uri);
        }
    }

    @Override
    public Link open(URI uri) throws IOException {
        Settings s = settings(uri);
        SerialPort port;
        try {
            port = SerialPort.getCommPort(s.path());
        } catch (LinkageError | RuntimeException e) {
            // the native library did not load, or the port name is not one jSerialComm takes
            throw new IOException("serial ports unavailable: " + e, e);
        }
        if (!java.nio.file.Files.exists(java.nio.file.Path.of(s.path())) && s.path().startsWith("/")) {
            throw new IOException("no such port: " + s.path());
        }
        port.setComPortParameters(s.baud(), s.dataBits(), s.stopBits(), s.parity());
        port.setFlowControl(s.flow());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, READ_TIMEOUT_MILLIS,
                WRITE_TIMEOUT_MILLIS);
        if (!port.openPort()) throw new IOException("cannot open " + s.path() + " (error " + port.getLastErrorCode() + ")");
        return new Link() {
            @Override
            public int read(byte[] buffer) throws IOException {
                int n = port.readBytes(buffer, buffer.length);
                // jSerialComm answers -1 when the device went away (EIO on a pseudo-terminal
                // whose other end closed, a USB adapter pulled out) while isOpen() still says true
                if (n < 0) throw new IOException("port " + s.path() + " went away");
                return n;
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                int off = 0;
                while (off < bytes.length) {
                    int n = port.writeBytes(bytes, bytes.length - off, off);
                    if (n <= 0) throw new IOException("cannot write to " + s.path());
                    off += n;
                }
            }

            @Override
            public void close() {
                port.closePort();
            }
        };
    }
}
