package dev.floe.testkit;

import dev.floe.memory.BufferAllocator;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * A JUnit 5 extension that runs each test under its own root {@link BufferAllocator} (named after
 * the test's display name) and fails the test if that allocator still holds memory afterwards.
 *
 * <ul>
 *   <li>The allocator is created before any {@code @BeforeEach} method and closed after every
 *       {@code @AfterEach} method, so fixtures that allocate in one and free in the other are fine.
 *   <li>While the test method and its {@code @BeforeEach}/{@code @AfterEach} methods run, it is
 *       {@link BufferAllocator#current()} (bound with {@link BufferAllocator#callWith}); code that
 *       allocates without being given an allocator is checked too.
 *   <li>A method parameter of type {@link BufferAllocator} receives it.
 *   <li>A leak fails the test with the allocator's report, which states the bytes leaked
 *       ({@code -Dfloe.memory.debug=true} adds allocation sites). If the test failed already, the
 *       leak is added to that failure as suppressed.
 * </ul>
 *
 * <p>The binding is a {@link ScopedValue}: work the test hands to other threads (executors,
 * preemptive {@code @Timeout}) does not see it unless those threads bind it themselves; pass the
 * allocator to them explicitly.
 */
public final class LeakCheckExtension
    implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakCheckExtension.class);
  private static final String KEY = "allocator";

  @Override
  public void beforeEach(ExtensionContext context) {
    store(context).put(KEY, LeakChecks.newTestAllocator(context.getDisplayName()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    BufferAllocator allocator = store(context).remove(KEY, BufferAllocator.class);
    if (allocator != null) {
      LeakChecks.closeAndAssertNoLeak(allocator);
    }
  }

  /** The allocator of the running test, for other extensions; null outside a test. */
  public static BufferAllocator allocatorOf(ExtensionContext context) {
    return store(context).get(KEY, BufferAllocator.class);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceedBound(invocation, extensionContext);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceedBound(invocation, extensionContext);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceedBound(invocation, extensionContext);
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceedBound(invocation, extensionContext);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BufferAllocator.class
        && parameter.getDeclaringExecutable() instanceof Method
        && allocatorOf(context) != null;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return allocatorOf(context);
  }

  private static void proceedBound(Invocation<Void> invocation, ExtensionContext context)
      throws Throwable {
    BufferAllocator allocator = allocatorOf(context);
    if (allocator == null) {
      invocation.proceed();
      return;
    }
    BufferAllocator.<Void, Throwable>callWith(allocator, invocation::proceed);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }
}
