package io.churnguard.app.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.churnguard.app.web.NavigationItem;
import io.churnguard.app.web.OverviewTile;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview (概览): the figures each module contributes, filtered by the user's role.
 */
@Controller
class OverviewController {

	private final List<OverviewTile> tiles;

	OverviewController(List<OverviewTile> tiles) {
		this.tiles = tiles.stream().sorted(Comparator.comparingInt(OverviewTile::order)).toList();
	}

	@GetMapping("/")
	String overview(Model model, Authentication authentication, Locale locale) {
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(authority -> authority.replaceFirst("^ROLE_", ""))
			.collect(Collectors.toSet());
		model.addAttribute("tiles",
				this.tiles.stream()
					.filter(tile -> tile.roles().isEmpty() || tile.roles().stream().anyMatch(roles::contains))
					.map(tile -> tile.content(locale))
					.toList());
		return "overview";
	}

	@Bean
	static NavigationItem overviewNavigation() {
		return new NavigationItem("overview", "nav.overview", "/", 0, Set.of());
	}

}
