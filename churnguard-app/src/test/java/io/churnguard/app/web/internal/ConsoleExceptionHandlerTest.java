package io.churnguard.app.web.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleExceptionHandlerTest {

	private final ConsoleExceptionHandler handler = new ConsoleExceptionHandler();

	@Test
	void anActionTheStateForbidsIsA409PageSayingWhyNotA500() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView page = this.handler.conflict(new IllegalStateException("warning 7 is closed"), response);
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(page.getViewName()).isEqualTo("error");
		assertThat(page.getModel()).containsEntry("status", 409).containsEntry("message", "warning 7 is closed");
	}

	@Test
	void aMissingObjectIsThe404PageWithoutDetails() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView page = this.handler.notFound(new java.util.NoSuchElementException("customer C1"), response);
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(page.getModel()).containsEntry("status", 404).containsEntry("message", null);
	}

}
