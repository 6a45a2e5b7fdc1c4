package org.opencollab.decisions;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine (full FEEL, the Scala engine), with each expression parsed once instead of
 * on every evaluation. A decision table's input expressions and rules are a few dozen texts that
 * never change, and parsing them was most of an evaluation's cost (docs/performance.md). The
 * evaluation itself, its context and its value mapping are Camunda's: only the parse is kept.
 */
public class ParsedFeel extends ScalaFeelEngine {

  /** Expressions kept; beyond it the cache starts afresh (models change rarely, texts are few). */
  static final int CAPACITY = 10_000;

  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> expressions =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> unaryTests =
      new ConcurrentHashMap<>();

  public ParsedFeel(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    Either<Failure, ParsedExpression> parsed =
        parse(expressions, expression, feelEngine::parseExpression);
    return (T) value(parsed, context(variableContext, null));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext variableContext) {
    Either<Failure, ParsedExpression> parsed =
        parse(unaryTests, expression, feelEngine::parseUnaryTests);
    return BoxesRunTime.unboxToBoolean(value(parsed, context(variableContext, inputVariable)));
  }

  private static Either<Failure, ParsedExpression> parse(
      ConcurrentHashMap<String, Either<Failure, ParsedExpression>> cache,
      String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    Either<Failure, ParsedExpression> parsed = cache.get(expression);
    if (parsed == null) {
      if (cache.size() >= CAPACITY) {
        cache.clear();
      }
      parsed = cache.computeIfAbsent(expression, parser);
    }
    return parsed;
  }

  private Object value(Either<Failure, ParsedExpression> parsed, CustomContext context) {
    if (parsed instanceof Left<Failure, ParsedExpression> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    Either<Failure, Object> result =
        feelEngine.eval(((Right<Failure, ParsedExpression>) parsed).value(), context);
    if (result instanceof Right<Failure, Object> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
  }

  /** As Camunda's engine builds it: the variables, and for unary tests the input's name. */
  private CustomContext context(VariableContext variableContext, String inputVariable) {
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    VariableProvider provider =
        inputVariable == null
            ? variables
            : new CompositeVariableProvider(
                toScalaList(
                    new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable)),
                    variables));
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return provider;
      }
    };
  }

  /** Plugged into the engine's DMN configuration by {@link ParsedFeelPlugin}. */
  static class Factory implements FeelEngineFactory {

    private final DefaultDmnEngineConfiguration configuration;

    Factory(DefaultDmnEngineConfiguration configuration) {
      this.configuration = configuration;
    }

    @Override
    public FeelEngine createInstance() {
      List<FeelCustomFunctionProvider> providers = configuration.getFeelCustomFunctionProviders();
      return new ParsedFeel(providers == null ? List.of() : providers);
    }
  }
}
