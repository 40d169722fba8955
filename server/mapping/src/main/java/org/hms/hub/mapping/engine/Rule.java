package org.hms.hub.mapping.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One compiled rule of a mapping. Each kind reads the source and writes the target of a {@link Run}. */
sealed interface Rule {

    String id();

    void apply(Run run);

    /** Copies a value. */
    record Copy(String id, String from, List<Object> source, String to, List<Object> target) implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING) {
                run.trace.add(new Step(id, "copy", from, to, "source absent, nothing written"));
                return;
            }
            run.target = Tree.set(run.target, target, deepCopy(value));
            run.trace.add(new Step(id, "copy", from, to, "copied " + Tree.describe(value)));
        }
    }

    /** Writes a constant. */
    record Const(String id, String to, List<Object> target, Object value) implements Rule {
        @Override
        public void apply(Run run) {
            run.target = Tree.set(run.target, target, deepCopy(value));
            run.trace.add(new Step(id, "const", null, to, "wrote constant"));
        }
    }

    /** Writes a value where the target has none (or null) yet. */
    record Default(String id, String to, List<Object> target, Object value) implements Rule {
        @Override
        public void apply(Run run) {
            Object present = Tree.get(run.target, target);
            if (present == Tree.MISSING || present == null) {
                run.target = Tree.set(run.target, target, deepCopy(value));
                run.trace.add(new Step(id, "default", null, to, "default applied"));
            } else {
                run.trace.add(new Step(id, "default", null, to, "value present, default not needed"));
            }
        }
    }

    /** Requires a source value (not null). */
    record Required(String id, String path, List<Object> source) implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null || (value instanceof String s && s.isBlank())) {
                run.errors.add(new Issue(id, path, "required value is missing"));
                run.trace.add(new Step(id, "required", path, null, "missing"));
            } else {
                run.trace.add(new Step(id, "required", path, null, "present"));
            }
        }
    }

    /** Translates codes between systems; unknown codes take the default, stay as they are, or are errors. */
    record ValueMap(String id, String from, List<Object> source, String to, List<Object> target,
                    Map<String, Object> map, Object fallback, boolean hasFallback, String onUnknown) implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null) {
                run.trace.add(new Step(id, "valueMap", from, to, "source absent, nothing written"));
                return;
            }
            String key = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
            Object mapped;
            if (map.containsKey(key)) {
                mapped = map.get(key);
            } else if (hasFallback) {
                mapped = fallback;
                run.warnings.add(new Issue(id, from, "'" + key + "' is not in the value map; the default was used"));
            } else if ("keep".equals(onUnknown)) {
                mapped = value;
                run.warnings.add(new Issue(id, from, "'" + key + "' is not in the value map; kept as it is"));
            } else {
                run.errors.add(new Issue(id, from, "'" + key + "' is not in the value map and there is no default"));
                run.trace.add(new Step(id, "valueMap", from, to, "unknown value"));
                return;
            }
            run.target = Tree.set(run.target, target, deepCopy(mapped));
            run.trace.add(new Step(id, "valueMap", from, to, "'" + key + "' -> " + mapped));
        }
    }

    /** Reads a date/time in one format and zone, writes it in another. */
    record DateTime(String id, String from, List<Object> source, String to, List<Object> target,
                    DateTimeFormatter input, ZoneId inputZone, DateTimeFormatter output, ZoneId outputZone)
            implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null) {
                run.trace.add(new Step(id, "date", from, to, "source absent, nothing written"));
                return;
            }
            try {
                TemporalAccessor parsed = input.parseBest(String.valueOf(value), ZonedDateTime::from,
                        OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
                ZonedDateTime at;
                if (parsed instanceof ZonedDateTime z) {
                    at = z;
                } else if (parsed instanceof OffsetDateTime o) {
                    at = o.toZonedDateTime();
                } else if (parsed instanceof LocalDateTime l) {
                    at = l.atZone(inputZone);
                } else {
                    at = ((LocalDate) parsed).atStartOfDay(inputZone);
                }
                String written = output.format(outputZone == null ? at : at.withZoneSameInstant(outputZone));
                run.target = Tree.set(run.target, target, written);
                run.trace.add(new Step(id, "date", from, to, value + " -> " + written));
            } catch (DateTimeParseException e) {
                run.errors.add(new Issue(id, from, "'" + value + "' is not a date/time in the declared format"));
            }
        }
    }

    /** String transforms: trim, lower, upper, in order. */
    record Text(String id, String from, List<Object> source, String to, List<Object> target, List<String> ops)
            implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null) {
                run.trace.add(new Step(id, "string", from, to, "source absent, nothing written"));
                return;
            }
            String s = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            for (String op : ops) {
                s = switch (op) {
                    case "trim" -> s.strip();
                    case "lower" -> s.toLowerCase(Locale.ROOT);
                    case "upper" -> s.toUpperCase(Locale.ROOT);
                    default -> s;
                };
            }
            run.target = Tree.set(run.target, target, s);
            run.trace.add(new Step(id, "string", from, to, String.join(",", ops)));
        }
    }

    /** Joins several source values with a separator (absent ones left out). */
    record Concat(String id, List<String> from, List<List<Object>> sources, String separator, String to,
                  List<Object> target) implements Rule {
        @Override
        public void apply(Run run) {
            List<String> parts = new ArrayList<>();
            for (List<Object> source : sources) {
                Object value = Tree.get(run.source, source);
                if (value != Tree.MISSING && value != null && !String.valueOf(value).isEmpty()) {
                    parts.add(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
                }
            }
            run.target = Tree.set(run.target, target, String.join(separator, parts));
            run.trace.add(new Step(id, "concat", String.join(",", from), to, parts.size() + " parts joined"));
        }
    }

    /** Splits a string into an array. */
    record Split(String id, String from, List<Object> source, String separator, String to, List<Object> target)
            implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null) {
                run.trace.add(new Step(id, "split", from, to, "source absent, nothing written"));
                return;
            }
            List<Object> parts = new ArrayList<>();
            for (String p : String.valueOf(value).split(Pattern.quote(separator), -1)) {
                parts.add(p);
            }
            run.target = Tree.set(run.target, target, parts);
            run.trace.add(new Step(id, "split", from, to, parts.size() + " parts"));
        }
    }

    /** Fills {@code {path}} placeholders in a text from the source. */
    record Template(String id, String template, String to, List<Object> target) implements Rule {
        static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

        @Override
        public void apply(Run run) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object value = Tree.get(run.source, Paths.parse(m.group(1)));
                String text = value == Tree.MISSING || value == null ? ""
                        : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
                if (value == Tree.MISSING) {
                    run.warnings.add(new Issue(id, m.group(1), "placeholder has no value; left empty"));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(text));
            }
            m.appendTail(out);
            run.target = Tree.set(run.target, target, out.toString());
            run.trace.add(new Step(id, "template", null, to, "filled"));
        }
    }

    /** Converts to a number: integer, or decimal with an optional scale (half-up). */
    record Numeric(String id, String from, List<Object> source, String to, List<Object> target, boolean integer,
                  Integer scale) implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null) {
                run.trace.add(new Step(id, "number", from, to, "source absent, nothing written"));
                return;
            }
            try {
                BigDecimal n = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value).strip());
                if (integer) {
                    n = n.setScale(0, RoundingMode.HALF_UP);
                } else if (scale != null) {
                    n = n.setScale(scale, RoundingMode.HALF_UP);
                }
                run.target = Tree.set(run.target, target, n);
                run.trace.add(new Step(id, "number", from, to, value + " -> " + n.toPlainString()));
            } catch (NumberFormatException e) {
                run.errors.add(new Issue(id, from, "'" + value + "' is not a number"));
            }
        }
    }

    /** Maps every item of a source array with its own rules into a target array. */
    record ForEach(String id, String from, List<Object> source, String to, List<Object> target, List<Rule> rules)
            implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            if (value == Tree.MISSING || value == null) {
                run.trace.add(new Step(id, "forEach", from, to, "source absent, nothing written"));
                return;
            }
            if (!(value instanceof List<?> items)) {
                run.errors.add(new Issue(id, from, "expected an array, found " + Tree.describe(value)));
                return;
            }
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                Run itemRun = run.forItem(item);
                rules.forEach(r -> r.apply(itemRun));
                out.add(itemRun.target);
            }
            run.target = Tree.set(run.target, target, out);
            run.trace.add(new Step(id, "forEach", from, to, items.size() + " items"));
        }
    }

    /** Applies its rules only when a condition on the source holds. */
    record When(String id, String path, List<Object> source, String test, Object operand, List<Rule> rules)
            implements Rule {
        @Override
        public void apply(Run run) {
            Object value = Tree.get(run.source, source);
            boolean holds = switch (test) {
                case "exists" -> value != Tree.MISSING && value != null;
                case "missing" -> value == Tree.MISSING || value == null;
                case "equals" -> same(value, operand);
                case "notEquals" -> !same(value, operand);
                case "in" -> operand instanceof List<?> options && options.stream().anyMatch(o -> same(value, o));
                default -> false;
            };
            run.trace.add(new Step(id, "when", path, null, holds ? "condition holds" : "condition does not hold"));
            if (holds) {
                rules.forEach(r -> r.apply(run));
            }
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            return a != Tree.MISSING && java.util.Objects.equals(a, b);
        }
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }
}
