package dev.floe.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * Runs every try of the annotated jqwik property (or of every property in the annotated container)
 * under a fresh allocator that falsifies the try on a leak; see {@link LeakCheckHook}. jqwik then
 * shrinks towards the smallest leaking sample.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AddLifecycleHook(value = LeakCheckHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
public @interface LeakCheckedProperty {}
