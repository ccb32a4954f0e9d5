package io.churnguard.app.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a random port, with its own embedded PostgreSQL
 * workspace and a movable clock. Classes with the same properties share one running
 * application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestWorkspace.class)
@Import(TestClockConfiguration.class)
public @interface ChurnGuardIT {

	/** Extra properties; tests that change them get an application of their own. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "churnguard.security.ip-throttle.max-failures=100000" };

}
