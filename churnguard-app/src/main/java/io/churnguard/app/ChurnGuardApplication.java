package io.churnguard.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application. The executable jar starts
 * {@code io.churnguard.app.cli.Main}, whose {@code serve} and {@code demo} commands run
 * this; {@code main} here serves directly, for IDEs.
 */
@SpringBootApplication
public class ChurnGuardApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChurnGuardApplication.class, args);
	}

}
