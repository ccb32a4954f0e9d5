package io.churnguard.app.notification.internal;

import io.churnguard.app.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user's unread count ({@code inboxUnread}) into every console page
 * the layout renders, for the inbox link in the top bar. Only rendered views pay for the
 * query, not API calls or redirects.
 */
@Configuration(proxyBeanMethods = false)
class InboxBadge implements WebMvcConfigurer {

	static final String ATTRIBUTE = "inboxUnread";

	private final Inbox inbox;

	InboxBadge(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
					return;
				}
				Actor.current()
					.ifPresent(user -> view.addObject(ATTRIBUTE, InboxBadge.this.inbox.unread(user.username())));
			}

		}).excludePathPatterns("/api/**");
	}

}
