package dev.floe.testkit;

import dev.floe.memory.BufferAllocator;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.ParameterResolutionContext;
import net.jqwik.api.lifecycle.ResolveParameterHook;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * The jqwik counterpart of {@link LeakCheckExtension}; register it with {@link LeakCheckedProperty}.
 *
 * <p>Each try runs with a fresh root allocator bound as {@link BufferAllocator#current()}. A property
 * parameter of type {@link BufferAllocator} (without {@code @ForAll}) receives that same allocator.
 * After the try the allocator is closed; a leak falsifies a try that would otherwise pass (so jqwik
 * shrinks to the smallest leaking sample) and is attached as suppressed to a try that already failed.
 *
 * <p>jqwik resolves parameters before the around-try hooks run, so the resolver creates the try's
 * allocator and the hook recognises it among the try's parameters; tries without such a parameter
 * get one from the hook.
 */
public final class LeakCheckHook implements AroundTryHook, ResolveParameterHook {
  /**
   * Allocators handed out by the resolver and not yet claimed by a try. Weak: jqwik also resolves
   * parameters to report samples, and those allocators are never claimed. (BufferAllocator keeps
   * identity equality, so a weak hash set is an identity set.)
   */
  private static final Set<BufferAllocator> RESOLVED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  @Override
  public Optional<ParameterSupplier> resolve(
      ParameterResolutionContext parameterContext, LifecycleContext lifecycleContext) {
    if (!parameterContext.typeUsage().isOfType(BufferAllocator.class)) {
      return Optional.empty();
    }
    String name = lifecycleContext.label();
    return Optional.of(
        optionalTry -> {
          BufferAllocator allocator = LeakChecks.newTestAllocator(name);
          RESOLVED.add(allocator);
          return allocator;
        });
  }

  @Override
  public TryExecutionResult aroundTry(
      TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
    BufferAllocator allocator = claimResolvedAllocator(parameters);
    if (allocator == null) {
      allocator = LeakChecks.newTestAllocator(context.label());
    }
    TryExecutionResult result;
    try {
      result = BufferAllocator.callWith(allocator, () -> aTry.execute(parameters));
    } catch (RuntimeException | Error failure) {
      AssertionError leak = LeakChecks.closeAndCheck(allocator);
      if (leak != null) {
        failure.addSuppressed(leak);
      }
      throw failure;
    }
    AssertionError leak = LeakChecks.closeAndCheck(allocator);
    if (leak == null) {
      return result;
    }
    if (result.isFalsified() && result.throwable().isPresent()) {
      result.throwable().get().addSuppressed(leak);
      return result;
    }
    return TryExecutionResult.falsified(leak);
  }

  /** Leak checking wraps every other try hook, so their allocations are checked too. */
  @Override
  public int aroundTryProximity() {
    return -100;
  }

  private static BufferAllocator claimResolvedAllocator(List<Object> parameters) {
    BufferAllocator found = null;
    for (Object parameter : parameters) {
      if (parameter instanceof BufferAllocator allocator && RESOLVED.remove(allocator)) {
        found = allocator;
      }
    }
    return found;
  }
}
