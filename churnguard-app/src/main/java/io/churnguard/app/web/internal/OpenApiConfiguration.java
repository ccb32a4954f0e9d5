package io.churnguard.app.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI churnGuardOpenApi() {
		return new OpenAPI()
			.info(new Info().title("ChurnGuard API")
				.description("Customer churn early-warning and retention platform (客户流失预警与挽留平台). "
						+ "Authenticate with HTTP Basic or an API token (Authorization: Bearer cg_…). "
						+ "Errors are RFC 9457 problem details.")
				.version("v1")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("cg_…")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
