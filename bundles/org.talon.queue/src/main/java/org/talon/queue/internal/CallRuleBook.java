package org.talon.queue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talon.queue.api.rule.CallRule;
import org.talon.queue.api.rule.CallRules;
import org.talon.queue.internal.config.ProfileDefinition;
import org.talon.queue.internal.engine.BuiltInRules;

/**
 * The call rules there are: the engine's own and those other bundles register as
 * {@link CallRule} services, by name. A rule installed or removed takes effect at the next call.
 */
@Component(service = CallRuleBook.class)
public final class CallRuleBook {
    private static final Logger LOG = Logger.getLogger(CallRuleBook.class.getName());
    private final Map<String, CallRule> installed = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRule(CallRule rule, Map<String, Object> props) {
        String name = name(props);
        if (name == null) {
            LOG.warning("A call rule without a name of letters, digits and _ (service property " + CallRule.NAME + ") is not used: " + rule);
        } else if (BuiltInRules.ALL.containsKey(name)) {
            LOG.warning("A call rule named " + name + " is not used: that is the name of a rule Talon comes with");
        } else if (installed.putIfAbsent(name, rule) != null) {
            LOG.warning("Two call rules are named " + name + "; the second is not used: " + rule);
        }
    }

    void removeRule(CallRule rule, Map<String, Object> props) {
        String name = name(props);
        if (name != null) installed.remove(name, rule);
    }

    private static String name(Map<String, Object> props) {
        Object n = props.get(CallRule.NAME);
        return n instanceof String s ? ProfileDefinition.ruleName(s) : null;
    }

    /** The rule of this name, or null when none is installed. */
    public CallRule rule(String name) {
        CallRule r = BuiltInRules.ALL.get(name);
        return r != null ? r : installed.get(name);
    }

    /** Every rule's name: the built-in ones first, in their order, then the installed ones by name. */
    public List<String> names() {
        List<String> out = new ArrayList<>(CallRules.BUILT_IN);
        installed.keySet().stream().sorted().forEach(out::add);
        return out;
    }
}
