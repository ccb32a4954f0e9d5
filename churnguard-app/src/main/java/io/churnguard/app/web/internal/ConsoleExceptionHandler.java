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
 * look the same — with the 404 page, and a bad request parameter with a 400 page naming
 * the problem.
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

	private static ModelAndView page(HttpStatus status, String message, HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
