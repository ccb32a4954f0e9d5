package io.churnguard.app.notification.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a notification in the recipient's language: a subject with the level, a plain
 * text part and a simple HTML part ({@code templates/notification/mail.html}).
 */
@Component
class EmailChannel {

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageContents contents;

	private final Preferences preferences;

	private final ITemplateEngine templates;

	private final String from;

	EmailChannel(ObjectProvider<JavaMailSender> mail, MessageContents contents, Preferences preferences,
			ITemplateEngine templates, NotificationProperties properties,
			@Value("${spring.mail.username:}") String mailUser) {
		this.mail = mail;
		this.contents = contents;
		this.preferences = preferences;
		this.templates = templates;
		this.from = !properties.mailFrom().isEmpty() ? properties.mailFrom()
				: mailUser.contains("@") ? mailUser : "churnguard@localhost";
	}

	Outcome send(StoredNotification notification, String address) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Outcome.failed("no mail server is configured (spring.mail.host)");
		}
		Locale locale = this.preferences.locale(notification.recipient());
		MessageContent content = this.contents.of(notification, locale);
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(address);
			helper.setSubject(subject(content, locale));
			helper.setText(plainText(content),
					this.templates.process("notification/mail", new Context(locale, Map.of("message", content))));
			sender.send(message);
			return Outcome.ok();
		}
		catch (MessagingException | MailException ex) {
			return Outcome.failed("mail: " + ex.getMessage());
		}
	}

	String subject(MessageContent content, Locale locale) {
		return this.contents.message("notification.mail.subject", locale, content.levelLabel(), content.title());
	}

	static String plainText(MessageContent content) {
		StringBuilder text = new StringBuilder(content.headline()).append("\n\n");
		if (!content.body().isBlank()) {
			text.append(content.body()).append("\n\n");
		}
		for (MessageContent.Field fact : content.facts()) {
			text.append(fact.label()).append(": ").append(fact.value()).append('\n');
		}
		if (!content.facts().isEmpty()) {
			text.append('\n');
		}
		if (content.link() != null) {
			text.append(content.linkLabel()).append(": ").append(content.link()).append("\n\n");
		}
		return text.append("-- \n").append(content.footer()).append('\n').toString();
	}

}
