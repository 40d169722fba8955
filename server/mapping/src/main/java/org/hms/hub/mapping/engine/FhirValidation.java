package org.hms.hub.mapping.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HAPI's instance validator against the base R4 profiles: structure, cardinality, data types, invariants and
 * the bindings it can check without a terminology server. The R4 definitions are loaded once, on first use (it
 * takes seconds). HAPI's {@code FhirValidator} builds a new instance validator for every resource, and each
 * build re-reads an OID table from a CSV (≈10 ms, far more than validating a small resource); so validators
 * are built here once and re-used, one resource at a time each, from a small pool (refreshed after
 * {@link #USES} resources so that nothing they keep between runs can grow).
 */
final class FhirValidation {

    static final FhirContext R4 = FhirContext.forR4Cached();

    private static final int USES = 2_000;
    private static final BlockingQueue<Pooled> IDLE = new ArrayBlockingQueue<>(16);

    /** Messages HAPI's own wrapper drops too: bindings whose value set cannot be resolved without a server. */
    private static final Set<String> DROPPED = Set.of(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE);

    private FhirValidation() {
    }

    /** The validator's findings on a resource (FHIR JSON): errors and warnings, each with its location. */
    static Findings validate(String json) {
        Pooled pooled = IDLE.poll();
        if (pooled == null) {
            pooled = new Pooled(newValidator());
        }
        List<ValidationMessage> messages = new ArrayList<>();
        pooled.validator.validate(null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Manager.FhirFormat.JSON, List.of());
        if (++pooled.uses < USES) {
            IDLE.offer(pooled);
        }
        List<Issue> errors = new ArrayList<>();
        List<Issue> warnings = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (m.getMessageId() != null && DROPPED.contains(m.getMessageId())) {
                continue;
            }
            Issue issue = new Issue("validation", m.getLocation(), m.getMessage());
            switch (m.getLevel()) {
                case FATAL, ERROR -> errors.add(issue);
                case WARNING -> warnings.add(issue);
                default -> {
                }
            }
        }
        return new Findings(errors, warnings);
    }

    record Findings(List<Issue> errors, List<Issue> warnings) {
    }

    private static InstanceValidator newValidator() {
        IWorkerContext context = Definitions.CONTEXT;
        InstanceValidator v = new InstanceValidator(context, new FhirInstanceValidator.NullEvaluationContext(),
                new XVerExtensionManagerOld(context), new ValidatorSession(), new ValidatorSettings());
        v.setResourceIdRule(IdStatus.OPTIONAL);
        v.setAnyExtensionsAllowed(true);
        v.setUnknownCodeSystemsCauseErrors(true);
        v.setAllowXsiLocation(true);
        v.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
        // HAPI's own policy: references are checked for form and type, never fetched
        v.setPolicyAdvisor(new FhirDefaultPolicyAdvisor());
        return v;
    }

    private static final class Pooled {
        final InstanceValidator validator;
        int uses;

        Pooled(InstanceValidator validator) {
            this.validator = validator;
        }
    }

    /** The R4 definitions, loaded when first needed (the holder idiom: thread-safe, no lock after that). */
    private static final class Definitions {
        static final IWorkerContext CONTEXT = WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(
                new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
                        new CommonCodeSystemsTerminologyService(R4), new InMemoryTerminologyServerValidationSupport(R4),
                        new SnapshotGeneratingValidationSupport(R4), unknownCodeSystems()));

        /** A code of a code system the validator does not know (a hospital's own) is a warning, found quickly. */
        private static UnknownCodeSystemWarningValidationSupport unknownCodeSystems() {
            UnknownCodeSystemWarningValidationSupport support = new UnknownCodeSystemWarningValidationSupport(R4);
            support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
            return support;
        }
    }
}
