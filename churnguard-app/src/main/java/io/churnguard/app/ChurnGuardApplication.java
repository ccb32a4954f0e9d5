package io.churnguard.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChurnGuardApplication {

	public static void main(String[] args) {
		org.springframework.boot.SpringApplication.run(ChurnGuardApplication.class, args);
	}

}
