package io.netpolviz.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that holds the wall clock to a promise, such as "an update reaches the view within
 * a second". Its result depends on how busy the machine is, so the default {@code mvn -B verify}
 * leaves the group out and stays deterministic; {@code mvn -B -Ptiming test} runs only this group,
 * and {@code .ci/run} does so after the default build. The behaviour such a test times is checked
 * without the clock by an untimed test of the default build.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Timing.TAG)
public @interface Timing {

    /** The JUnit tag, as surefire's {@code groups} and {@code excludedGroups} name it. */
    String TAG = "timing";
}
