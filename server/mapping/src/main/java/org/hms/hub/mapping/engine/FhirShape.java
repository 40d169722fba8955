package org.hms.hub.mapping.engine;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;

/**
 * The shape of a FHIR R4 resource in its JSON form, read from HAPI's structure definitions: member names are
 * the elements (choice elements by their typed names, {@code occurrenceDateTime}), repeating elements are
 * arrays, primitives end a path. Primitive extensions ({@code _birthDate}), contained and nested resources are
 * not checked further.
 */
final class FhirShape implements Shape {

    private final BaseRuntimeElementDefinition<?> definition;
    private final boolean list;
    private final String name;

    private FhirShape(BaseRuntimeElementDefinition<?> definition, boolean list, String name) {
        this.definition = definition;
        this.list = list;
        this.name = name;
    }

    static Shape of(RuntimeResourceDefinition resource) {
        return new FhirShape(resource, false, resource.getName());
    }

    @Override
    public Shape step(Object step) {
        if (list) {
            return step instanceof Integer ? new FhirShape(definition, false, name + "[]") : null;
        }
        if (!(step instanceof String element) || !(definition instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
            return null;
        }
        if (element.startsWith("_")) {
            return ANY;
        }
        if (element.equals("id") || element.equals("resourceType") && definition instanceof RuntimeResourceDefinition) {
            return new Leaf(name + "." + element, false);
        }
        BaseRuntimeChildDefinition child = composite.getChildByName(element);
        if (child == null) {
            return null;
        }
        boolean repeats = child.getMax() != 1;
        BaseRuntimeElementDefinition<?> type = child.getChildByName(element);
        if (type == null) {
            return ANY;
        }
        return switch (type.getChildType()) {
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> new FhirShape(type, repeats, name + "." + element);
            case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> new Leaf(name + "." + element, repeats);
            default -> ANY;
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean list() {
        return list;
    }

    /** A primitive value: nothing below it (a list of them can be indexed). */
    private record Leaf(String name, boolean list) implements Shape {
        @Override
        public Shape step(Object step) {
            return list && step instanceof Integer ? new Leaf(name + "[]", false) : null;
        }
    }
}
