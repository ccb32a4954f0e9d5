package io.churnguard.app.web.internal;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console pages answer a missing object — or one outside the user's scope, which must
 * look the same — with the 404 page, a bad request parameter with a 400 page naming the
 * problem, and an action the object's state forbids with a 409 page saying why.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleExceptionHandler {

	@ExceptionHandler(NoSuchElementException.class)
	ModelAndView notFound(NoSuchElementException ex, HttpServletResponse response) {
		return page(HttpStatus.NOT_FOUND, null, response);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badRequest(IllegalArgumentException ex, HttpServletResponse response) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage(), response);
	}

	/**
	 * An action the object's state does not allow (working a closed warning, say): 409
	 * with the reason, as the API answers, rather than a 500 page.
	 */
	@ExceptionHandler(IllegalStateException.class)
	ModelAndView conflict(IllegalStateException ex, HttpServletResponse response) {
		return page(HttpStatus.CONFLICT, ex.getMessage(), response);
	}

	private static ModelAndView page(HttpStatus status, String message, HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
