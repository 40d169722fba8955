package org.hms.hub.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hms.hub.model.problem.Problem;

/** Turns bean-validation violations into field errors named as the client knows the fields. */
final class Violations {

    private Violations() {
    }

    static List<Problem.FieldError> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /**
     * The property path as the client names it: without the method segment, and without the parameter segment
     * when a property of the parameter follows ({@code create.request.name} becomes {@code name}, while
     * {@code list.limit} becomes {@code limit}).
     */
    private static String field(ConstraintViolation<?> v) {
        List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .filter(n -> n.getKind() != ElementKind.METHOD)
                .toList();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
        }
        return name.isEmpty() ? "request" : name.toString();
    }
}
