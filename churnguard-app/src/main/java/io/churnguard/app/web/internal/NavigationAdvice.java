package io.churnguard.app.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.churnguard.app.web.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every console page its navigation, the current path and the version in the
 * footer.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	private final List<NavigationItem> items;

	private final String version;

	NavigationAdvice(List<NavigationItem> items, ObjectProvider<BuildProperties> build) {
		this.items = items.stream()
			.sorted(Comparator.comparingInt((NavigationItem item) -> NavigationItem.SECTIONS.indexOf(item.section()))
				.thenComparingInt(NavigationItem::order))
			.toList();
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "dev";
	}

	@ModelAttribute("navigation")
	List<Section> navigation(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// REST controllers are controllers too, so this advice runs before every API
		// call. Their answers render no page, and building the menu cost 2-3 % of the
		// HTTP threads' CPU under the real-time benchmark's load.
		if (path.startsWith("/api/")) {
			return List.of();
		}
		Set<String> roles = currentRoles();
		List<Section> sections = new ArrayList<>();
		for (String section : NavigationItem.SECTIONS) {
			List<NavigationItem> all = this.items.stream().filter(item -> item.section().equals(section)).toList();
			List<Link> visible = all.stream()
				.filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains))
				.map(item -> new Link(item.messageKey(), item.path(), isActive(path, item.path())))
				.toList();
			if (all.isEmpty()) {
				sections.add(new Section(section, List.of(), false, true));
			}
			else if (!visible.isEmpty()) {
				sections.add(new Section(section, visible, visible.stream().anyMatch(Link::active), false));
			}
		}
		return sections;
	}

	/**
	 * The signed-in user's roles, without Spring Security's other authorities (such as
	 * factors).
	 */
	@ModelAttribute("currentRoles")
	List<String> currentRolesForPage() {
		return currentRoles().stream().sorted().toList();
	}

	@ModelAttribute("appVersion")
	String appVersion() {
		return this.version;
	}

	private static boolean isActive(String path, String target) {
		return "/".equals(target) ? "/".equals(path) : path.startsWith(target);
	}

	private static Set<String> currentRoles() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Set.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @param key the section key; its label is {@code nav.<key>}
	 * @param links the pages of the section the user may open
	 * @param active whether the current page is in it
	 * @param upcoming whether no module provides it yet
	 */
	record Section(String key, List<Link> links, boolean active, boolean upcoming) {
	}

	record Link(String messageKey, String path, boolean active) {
	}

}
