package org.talon.notify.sms.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/** A real SMPP server (jSMPP's server side) on a local port: accepts binds with one password and keeps what is submitted. */
final class TestSmsc implements AutoCloseable {
    final int port;
    final BlockingQueue<SubmitSm> received = new LinkedBlockingQueue<>();
    final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    final AtomicInteger binds = new AtomicInteger();
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean closed;

    TestSmsc(String systemId, String password) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(() -> {
            while (!closed) {
                try {
                    SMPPServerSession s = listener.accept();
                    BindRequest b = s.waitForBind(5000);
                    if (b.getSystemId().equals(systemId) && b.getPassword().equals(password)) {
                        b.accept("talon-test-smsc");
                        binds.incrementAndGet();
                        sessions.add(s);
                    } else {
                        b.reject(org.jsmpp.SMPPConstant.STAT_ESME_RINVPASWD);
                    }
                } catch (Exception e) {
                    if (!closed) e.printStackTrace();
                }
            }
        }, "test-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Ends every bound session from the server's side, as an SMSC restarting would. */
    void dropSessions() {
        for (SMPPServerSession s : sessions) s.close();
        sessions.clear();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        dropSessions();
        listener.close();
        acceptor.join(5000);
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            received.add(submitSm);
            try {
                return new SubmitSmResult(new MessageId(Integer.toHexString(ids.incrementAndGet())), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }
    }
}
