package org.hms.hub.mapping.engine;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Checks every path of compiled rules against the declared shapes of source and target: a path that can never
 * match (an element the resource does not have, a step below a primitive, a name where an index must be) is an
 * issue naming the rule. {@code forEach} items are checked against the shape of the array's items.
 */
final class ShapeCheck {

    private final List<Issue> issues;

    private ShapeCheck(List<Issue> issues) {
        this.issues = issues;
    }

    static void check(List<Rule> rules, Shape source, Shape target, List<Issue> issues) {
        if (source == Shape.ANY && target == Shape.ANY) {
            return;
        }
        new ShapeCheck(issues).all(rules, source, target);
    }

    private void all(List<Rule> rules, Shape source, Shape target) {
        for (Rule rule : rules) {
            one(rule, source, target);
        }
    }

    private void one(Rule rule, Shape source, Shape target) {
        if (rule instanceof Rule.Copy r) {
            reach(r.id(), source, r.from(), r.source(), "source");
            reach(r.id(), target, r.to(), r.target(), "target");
        } else if (rule instanceof Rule.Const r) {
            reach(r.id(), target, r.to(), r.target(), "target");
        } else if (rule instanceof Rule.Default r) {
            reach(r.id(), target, r.to(), r.target(), "target");
        } else if (rule instanceof Rule.Required r) {
            reach(r.id(), source, r.path(), r.source(), "source");
        } else if (rule instanceof Rule.ValueMap r) {
            both(r.id(), source, r.from(), r.source(), target, r.to(), r.target());
        } else if (rule instanceof Rule.DateTime r) {
            both(r.id(), source, r.from(), r.source(), target, r.to(), r.target());
        } else if (rule instanceof Rule.Text r) {
            both(r.id(), source, r.from(), r.source(), target, r.to(), r.target());
        } else if (rule instanceof Rule.Split r) {
            both(r.id(), source, r.from(), r.source(), target, r.to(), r.target());
        } else if (rule instanceof Rule.Numeric r) {
            both(r.id(), source, r.from(), r.source(), target, r.to(), r.target());
        } else if (rule instanceof Rule.Concat r) {
            for (int i = 0; i < r.sources().size(); i++) {
                reach(r.id(), source, r.from().get(i), r.sources().get(i), "source");
            }
            reach(r.id(), target, r.to(), r.target(), "target");
        } else if (rule instanceof Rule.Template r) {
            Matcher m = Rule.Template.PLACEHOLDER.matcher(r.template());
            while (m.find()) {
                reach(r.id(), source, m.group(1), Paths.parse(m.group(1)), "source");
            }
            reach(r.id(), target, r.to(), r.target(), "target");
        } else if (rule instanceof Rule.ForEach r) {
            Shape items = items(r.id(), reach(r.id(), source, r.from(), r.source(), "source"), r.from());
            Shape out = items(r.id(), reach(r.id(), target, r.to(), r.target(), "target"), r.to());
            if (items != null && out != null) {
                all(r.rules(), items, out);
            }
        } else if (rule instanceof Rule.When r) {
            reach(r.id(), source, r.path(), r.source(), "source");
            all(r.rules(), source, target);
        }
    }

    private void both(String id, Shape source, String from, List<Object> fromSteps, Shape target, String to,
                      List<Object> toSteps) {
        reach(id, source, from, fromSteps, "source");
        reach(id, target, to, toSteps, "target");
    }

    /** The shape at the end of the path, or null (with an issue) when the path can never match. */
    private Shape reach(String id, Shape shape, String path, List<Object> steps, String side) {
        Shape at = shape;
        for (Object step : steps) {
            Shape next = at.step(step);
            if (next == null) {
                issues.add(new Issue(id, path, "can never match the " + side + ": " + why(at, step)));
                return null;
            }
            at = next;
        }
        return at;
    }

    private Shape items(String id, Shape array, String path) {
        if (array == null) {
            return null;
        }
        Shape item = array.step(0);
        if (item == null) {
            issues.add(new Issue(id, path, array.name() + " is not a list; forEach needs one"));
        }
        return item;
    }

    private static String why(Shape at, Object step) {
        if (at.list() && step instanceof String) {
            return at.name() + " is a list: index it (…/0/" + step + ") or map its items with forEach";
        }
        if (step instanceof Integer) {
            return at.name() + " is not a list, so it has no item " + step;
        }
        return at.name() + " has no element '" + step + "'";
    }
}
