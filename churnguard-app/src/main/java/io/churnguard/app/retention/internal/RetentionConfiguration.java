package io.churnguard.app.retention.internal;

import java.util.Set;

import io.churnguard.app.web.NavigationItem;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

	static final Set<String> DESIGNERS = Set.of("RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER");

	@Bean
	static NavigationItem campaignsNavigation() {
		return new NavigationItem("campaigns", "nav.campaignList", "/campaigns", 10,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "ANALYST"));
	}

	@Bean
	static NavigationItem playbooksNavigation() {
		return new NavigationItem("campaigns", "nav.playbooks", "/playbooks", 20,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "ANALYST", "AGENT"));
	}

	@Bean
	static NavigationItem tasksNavigation() {
		return new NavigationItem("campaigns", "nav.myTasks", "/tasks", 30,
				Set.of("RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "AGENT"));
	}

	@Bean
	static NavigationItem upliftModelsNavigation() {
		return new NavigationItem("campaigns", "nav.upliftModels", "/uplift-models", 25,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "ANALYST"));
	}

	@Bean
	static NavigationItem contactListsNavigation() {
		return new NavigationItem("campaigns", "nav.contactLists", "/contact-lists", 40,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER"));
	}

}
