package org.talon.workflow.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.EventLog;
import org.talon.event.api.SchemaMigrations;
import org.talon.event.api.privacy.ContactData;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.WorkflowService;
import org.talon.workflow.internal.config.BranchSettings;
import org.talon.workflow.internal.config.SiteElement;
import org.talon.workflow.internal.config.StaffDefinition;
import org.talon.workflow.internal.config.TypeDefinition;
import org.talon.workflow.internal.engine.Requests;
import org.talon.workflow.internal.engine.Settings;
import org.talon.workflow.internal.engine.Setup;
import org.talon.workflow.internal.engine.Staff;
import org.talon.workflow.internal.store.RequestContacts;
import org.talon.workflow.internal.store.RequestStore;

/**
 * The workflow domain's engine in the framework: its set-up from the configurations
 * ({@code org.talon.workflow.branch|type|staff}), its store, the {@link WorkflowService} it
 * registers, its {@link ContactData}, and the sweep that marks requests at risk and overdue and
 * assigns what waits.
 */
@Component(service = WorkflowComponent.class, immediate = true, configurationPid = WorkflowComponent.PID)
@Designate(ocd = WorkflowComponent.Config.class)
public final class WorkflowComponent {
    public static final String PID = "org.talon.workflow";
    private static final Logger LOG = Logger.getLogger(WorkflowComponent.class.getName());

    @ObjectClassDefinition(name = "Talon requests", description = "How often open requests are looked at for their SLA and for waiting assignments")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two looks at the open requests: at risk, overdue (the managers are told), and unassigned ones given to whoever came on duty")
        int sweepSeconds() default 30;
    }

    private final List<SiteElement> elements = new CopyOnWriteArrayList<>();
    private final Set<String> warnedPrefixes = ConcurrentHashMap.newKeySet();
    private final QueueService queues;
    private final Requests requests;
    private final ScheduledExecutorService sweeper;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public WorkflowComponent(BundleContext context, Config config, @Reference EventLog log, @Reference QueueService queues,
            @Reference(target = "(osgi.jndi.service.name=talon)") DataSource db, @Reference TransactionManager tm,
            @Reference SchemaMigrations migrations) {
        migrations.migrate(FrameworkUtil.getBundle(WorkflowComponent.class), "db/workflow", "talon_workflow_schema");
        this.queues = queues;
        RequestStore store = new RequestStore(db, tm);
        this.requests = new Requests(log, queues, store, Clock.systemUTC(), this::setup);
        org.talon.notify.api.Notifications n = current;
        if (n != null) requests.notices(new RequestMessages(n));
        registrations.add(context.registerService(WorkflowService.class, requests, null));
        registrations.add(context.registerService(ContactData.class, new RequestContacts(requests, store), null));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "talon-workflow-sweep");
            t.setDaemon(true);
            return t;
        });
        int every = Math.max(1, config.sweepSeconds());
        sweeper.scheduleWithFixedDelay(this::sweep, 1, every, TimeUnit.SECONDS);
    }

    /** The engine, for the bundle's routes and commands. */
    public Requests requests() {
        return requests;
    }

    private void sweep() {
        try {
            int n = requests.sweep();
            if (n > 0) LOG.info("Requests: " + n + " became overdue; the branch's managers are told");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Requests: the look at open requests failed; it runs again", e);
        }
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // gone with the bundle already
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addElement(SiteElement e) {
        elements.add(e);
    }

    void removeElement(SiteElement e) {
        elements.remove(e);
    }

    /** The notifications' outbox, while it is installed: a request's messages go into it with the change. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindNotifications(org.talon.notify.api.Notifications n) {
        if (requests != null) requests.notices(new RequestMessages(n));
        current = n;
    }

    void unbindNotifications(org.talon.notify.api.Notifications n) {
        if (current == n) {
            current = null;
            if (requests != null) requests.notices(null);
        }
    }

    private volatile org.talon.notify.api.Notifications current;

    private Branch branch(String id) {
        try {
            return queues.branch(id);
        } catch (QueueException e) {
            return null;
        }
    }

    /** What a branch takes as requests now; null when it takes none (no type, or its id prefix is another branch's). */
    Setup setup(String id) {
        Branch b = id == null ? null : branch(id);
        if (b == null) return null;
        Map<String, RequestType> types = types(b.id());
        if (types.isEmpty()) return null;
        Settings settings = settings(b.id());
        // two branches with one prefix would give one id twice: the branch first by id keeps it
        for (Branch other : queues.branches()) {
            if (other.id().compareTo(b.id()) >= 0 || types(other.id()).isEmpty()) continue;
            if (settings(other.id()).idPrefix().equals(settings.idPrefix())) {
                if (warnedPrefixes.add(b.id())) {
                    LOG.warning("Requests: branch " + b.id() + " takes no requests: its id prefix " + settings.idPrefix() + " is branch " + other.id()
                            + "'s too (set idPrefix in org.talon.workflow.branch-" + b.id() + ".cfg)");
                }
                return null;
            }
        }
        List<Staff> staff = new ArrayList<>();
        for (SiteElement e : elements) {
            if (e instanceof StaffDefinition s && e.branch().equals(b.id())) staff.add(s.staff());
        }
        staff.sort(Comparator.comparing(Staff::id));
        return new Setup(b, settings, types, staff);
    }

    private Settings settings(String branch) {
        for (SiteElement e : elements) {
            if (e instanceof BranchSettings s && e.branch().equals(branch)) return s.settings();
        }
        return new Settings(BranchSettings.defaultPrefix(branch), true, null);
    }

    /** The network's types, replaced by the branch's own of the same code. */
    private Map<String, RequestType> types(String branch) {
        Map<String, RequestType> out = new HashMap<>();
        for (SiteElement e : elements) {
            if (e instanceof TypeDefinition t && e.branch().equals(RequestType.NETWORK)) out.put(t.type().code(), t.type());
        }
        for (SiteElement e : elements) {
            if (e instanceof TypeDefinition t && e.branch().equals(branch)) out.put(t.type().code(), t.type());
        }
        return out;
    }
}
