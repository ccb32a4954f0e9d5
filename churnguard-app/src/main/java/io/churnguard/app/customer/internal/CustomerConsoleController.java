package io.churnguard.app.customer.internal;

import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

import io.churnguard.app.customer.CustomerFilter;
import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.customer.CustomerStatus;
import io.churnguard.app.customer.ValueGrade;
import io.churnguard.app.security.Actor;
import io.churnguard.app.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer list (客户列表) and the customer 360 page (客户画像). */
@Controller
@RequestMapping("/customers")
class CustomerConsoleController {

	private static final int PAGE_SIZE = 50;

	private final JdbcCustomerArchive archive;

	private final CustomerProfiles profiles;

	CustomerConsoleController(JdbcCustomerArchive archive, CustomerProfiles profiles) {
		this.archive = archive;
		this.profiles = profiles;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) ValueGrade grade,
			@RequestParam(required = false) String status, @RequestParam(required = false) String province,
			@RequestParam(required = false) String team, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = CustomerApiController.requireViewer();
		CustomerFilter filter = new CustomerFilter(q, grade, CustomerApiController.parseStatus(status), province, null,
				team, owner, null, null, sort);
		model.addAttribute("filter", filter);
		model.addAttribute("grades", ValueGrade.values());
		model.addAttribute("statuses", CustomerStatus.values());
		model.addAttribute("page", this.archive.search(filter, actor, Math.max(0, page), PAGE_SIZE));
		return "customer/list";
	}

	@GetMapping("/{id}")
	String profile(@PathVariable String id, @RequestParam(defaultValue = "false") boolean unmasked, Model model,
			Locale locale) {
		Actor actor = CustomerApiController.requireViewer();
		model.addAttribute("profile", this.profiles.profile(id, actor, unmasked, locale)
			.orElseThrow(() -> new NoSuchElementException("no customer " + id)));
		model.addAttribute("sections", this.profiles.sections());
		model.addAttribute("mayUnmask", CustomerScope.mayUnmask(actor));
		return "customer/profile";
	}

	@Bean
	static NavigationItem gradingNavigation() {
		return new NavigationItem("customers", "nav.grading", "/customers/grading", 20,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "ANALYST"));
	}

	@Bean
	static NavigationItem customersNavigation() {
		return new NavigationItem("customers", "nav.customerList", "/customers", 10,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "AGENT", "ANALYST"));
	}

}
