package org.hms.hub.mapping.engine;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a mapping definition ({@code {"rules": [...]}}, a JSON document, no scripts) into a {@link Mapping}.
 * Every rule is checked before anything runs: an unknown kind, a missing or malformed field, a path that is not
 * a path — each is reported with the rule's name ({@code rules[3]}, {@code rules[5].rules[0]}).
 */
public final class Mappings {

    public static final Set<String> KINDS = Set.of("copy", "const", "default", "required", "valueMap", "date",
            "string", "concat", "split", "template", "number", "forEach", "when");

    private Mappings() {
    }

    public static Mapping compile(JsonObject definition) {
        return compile(definition, Shape.ANY, Shape.ANY);
    }

    /** Compiles, and checks every path against the declared shapes of source and target. */
    public static Mapping compile(JsonObject definition, Shape source, Shape target) {
        List<Issue> issues = new ArrayList<>();
        JsonValue rules = definition.get("rules");
        if (!(rules instanceof JsonArray array)) {
            throw new InvalidMappingException(List.of(new Issue("rules", null, "a mapping needs a \"rules\" array")));
        }
        List<Rule> compiled = compileAll(array, "rules", issues);
        ShapeCheck.check(compiled, source, target, issues);
        if (!issues.isEmpty()) {
            throw new InvalidMappingException(issues);
        }
        return new Mapping(compiled);
    }

    private static List<Rule> compileAll(JsonArray rules, String prefix, List<Issue> issues) {
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String id = prefix + "[" + i + "]";
            if (!(rules.get(i) instanceof JsonObject rule)) {
                issues.add(new Issue(id, null, "a rule is a JSON object"));
                continue;
            }
            try {
                out.add(compile(rule, id, issues));
            } catch (IllegalArgumentException e) {
                issues.add(new Issue(id, null, e.getMessage()));
            }
        }
        return out;
    }

    private static Rule compile(JsonObject r, String id, List<Issue> issues) {
        String kind = r.getString("kind", null);
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown rule kind '" + kind + "'; known kinds: " + KINDS.stream().sorted().toList());
        }
        return switch (kind) {
            case "copy" -> new Rule.Copy(id, text(r, "from"), path(r, "from"), text(r, "to"), path(r, "to"));
            case "const" -> new Rule.Const(id, text(r, "to"), path(r, "to"), value(r, "value"));
            case "default" -> new Rule.Default(id, text(r, "to"), path(r, "to"), value(r, "value"));
            case "required" -> new Rule.Required(id, text(r, "path"), path(r, "path"));
            case "valueMap" -> valueMap(r, id);
            case "date" -> new Rule.DateTime(id, text(r, "from"), path(r, "from"), text(r, "to"), path(r, "to"),
                    format(r, "inputFormat"), zone(r, "inputZone", ZoneId.of("UTC")), format(r, "outputFormat"),
                    zone(r, "outputZone", null));
            case "string" -> new Rule.Text(id, text(r, "from"), path(r, "from"), text(r, "to"), path(r, "to"), ops(r));
            case "concat" -> concat(r, id);
            case "split" -> new Rule.Split(id, text(r, "from"), path(r, "from"), r.getString("separator", ","),
                    text(r, "to"), path(r, "to"));
            case "template" -> template(r, id);
            case "number" -> new Rule.Numeric(id, text(r, "from"), path(r, "from"), text(r, "to"), path(r, "to"),
                    "integer".equals(r.getString("type", "decimal")), r.containsKey("scale") ? r.getInt("scale") : null);
            case "forEach" -> new Rule.ForEach(id, text(r, "from"), path(r, "from"), text(r, "to"), path(r, "to"),
                    nested(r, id, issues));
            default -> when(r, id, issues);
        };
    }

    private static Rule valueMap(JsonObject r, String id) {
        if (!(r.get("map") instanceof JsonObject map)) {
            throw new IllegalArgumentException("a valueMap rule needs a \"map\" object of codes");
        }
        Map<String, Object> codes = new LinkedHashMap<>();
        map.forEach((k, v) -> codes.put(k, Tree.of(v)));
        String onUnknown = r.getString("onUnknown", "error");
        if (!Set.of("error", "keep").contains(onUnknown)) {
            throw new IllegalArgumentException("onUnknown is \"error\" or \"keep\" (or give a \"default\")");
        }
        return new Rule.ValueMap(id, text(r, "from"), path(r, "from"), text(r, "to"), path(r, "to"), codes,
                r.containsKey("default") ? Tree.of(r.get("default")) : null, r.containsKey("default"), onUnknown);
    }

    private static Rule concat(JsonObject r, String id) {
        if (!(r.get("from") instanceof JsonArray from) || from.isEmpty()) {
            throw new IllegalArgumentException("a concat rule needs \"from\": an array of paths");
        }
        List<String> names = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        for (JsonValue v : from) {
            String p = v instanceof JsonString s ? s.getString() : null;
            names.add(p);
            paths.add(Paths.parse(p));
        }
        return new Rule.Concat(id, names, paths, r.getString("separator", " "), text(r, "to"), path(r, "to"));
    }

    private static Rule template(JsonObject r, String id) {
        String template = text(r, "template");
        java.util.regex.Matcher m = Rule.Template.PLACEHOLDER.matcher(template);
        while (m.find()) {
            Paths.parse(m.group(1));
        }
        return new Rule.Template(id, template, text(r, "to"), path(r, "to"));
    }

    private static Rule when(JsonObject r, String id, List<Issue> issues) {
        if (!(r.get("if") instanceof JsonObject condition)) {
            throw new IllegalArgumentException("a when rule needs \"if\": {\"path\": …, and one of equals, notEquals,"
                    + " in, exists, missing}");
        }
        String test = Set.of("equals", "notEquals", "in", "exists", "missing").stream()
                .filter(condition::containsKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the condition needs one of equals, notEquals, in,"
                        + " exists, missing"));
        Object operand = Tree.of(condition.get(test));
        if (test.equals("in") && !(operand instanceof List)) {
            throw new IllegalArgumentException("\"in\" takes an array of values");
        }
        return new Rule.When(id, text(condition, "path"), path(condition, "path"), test, operand,
                nested(r, id, issues));
    }

    private static List<Rule> nested(JsonObject r, String id, List<Issue> issues) {
        if (!(r.get("rules") instanceof JsonArray rules)) {
            throw new IllegalArgumentException("needs nested \"rules\"");
        }
        return compileAll(rules, id + ".rules", issues);
    }

    private static String text(JsonObject r, String field) {
        if (!(r.get(field) instanceof JsonString s) || s.getString().isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" is required");
        }
        return s.getString();
    }

    private static List<Object> path(JsonObject r, String field) {
        try {
            return Paths.parse(text(r, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\": " + e.getMessage());
        }
    }

    private static Object value(JsonObject r, String field) {
        if (!r.containsKey(field)) {
            throw new IllegalArgumentException("\"" + field + "\" is required");
        }
        return Tree.of(r.get(field));
    }

    private static List<String> ops(JsonObject r) {
        if (!(r.get("ops") instanceof JsonArray ops) || ops.isEmpty()) {
            throw new IllegalArgumentException("a string rule needs \"ops\": some of trim, lower, upper");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : ops) {
            String op = v instanceof JsonString s ? s.getString() : "";
            if (!Set.of("trim", "lower", "upper").contains(op)) {
                throw new IllegalArgumentException("unknown string op '" + op + "'; use trim, lower, upper");
            }
            out.add(op);
        }
        return out;
    }

    private static DateTimeFormatter format(JsonObject r, String field) {
        String f = r.getString(field, "ISO_OFFSET_DATE_TIME");
        try {
            return switch (f) {
                case "ISO_OFFSET_DATE_TIME" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME;
                case "ISO_LOCAL_DATE_TIME" -> DateTimeFormatter.ISO_LOCAL_DATE_TIME;
                case "ISO_DATE_TIME" -> DateTimeFormatter.ISO_DATE_TIME;
                case "ISO_LOCAL_DATE" -> DateTimeFormatter.ISO_LOCAL_DATE;
                case "ISO_INSTANT" -> DateTimeFormatter.ISO_INSTANT;
                default -> DateTimeFormatter.ofPattern(f);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\": '" + f + "' is not a date/time pattern");
        }
    }

    private static ZoneId zone(JsonObject r, String field, ZoneId fallback) {
        if (!r.containsKey(field)) {
            return fallback;
        }
        try {
            return ZoneId.of(r.getString(field));
        } catch (DateTimeException | ClassCastException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a time zone (e.g. Europe/Berlin, UTC)");
        }
    }
}
