package io.mlrollout.api.schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the CRDs' {@code x-kubernetes-validations} rules with cel-java, as the API server does
 * with cel-go: {@code self} is the value at the rule's place in the object. Besides standard CEL,
 * the rules use Kubernetes' list library function {@code isSorted()}, registered here with the
 * same meaning (ascending, equal neighbours allowed).
 */
final class CelRules {

    private final Cel cel = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("isSorted",
                    CelOverloadDecl.newMemberOverload("list_is_sorted", SimpleType.BOOL, ListType.create(SimpleType.DYN))))
            .addFunctionBindings(CelFunctionBinding.from("list_is_sorted", List.class, CelRules::isSorted))
            .build();

    /** Returns whether the rule holds for {@code self}; a rule that does not compile is a test failure. */
    boolean holds(String rule, Object self) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(rule).getAst();
            Object result = cel.createProgram(ast).eval(name -> "self".equals(name) ? Optional.of(self) : Optional.empty());
            return Boolean.TRUE.equals(result);
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL rule does not compile: " + rule + "\n" + e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL rule fails to evaluate: " + rule + "\n" + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean isSorted(List list) {
        for (int i = 1; i < list.size(); i++) {
            if (((Comparable) list.get(i - 1)).compareTo(list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
