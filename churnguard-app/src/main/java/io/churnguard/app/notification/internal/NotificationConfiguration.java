package io.churnguard.app.notification.internal;

import java.util.Set;

import io.churnguard.app.web.NavigationItem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's settings, its secret cipher, and its pages in the navigation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	@Bean
	SecretCipher secretCipher(@Value("${churnguard.secrets.key:}") String key) {
		return new SecretCipher(key);
	}

	@Bean
	NavigationItem webhooksNavigation() {
		return new NavigationItem("security", "nav.webhooks", "/notifications/webhooks", 30, Set.of("ADMIN"));
	}

	@Bean
	NavigationItem deliveriesNavigation() {
		return new NavigationItem("security", "nav.deliveries", "/notifications/deliveries", 40, Set.of("ADMIN"));
	}

}
