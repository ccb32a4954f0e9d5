package io.churnguard.app.warning.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.churnguard.app.notification.DigestContributor;
import io.churnguard.app.notification.Notification;
import io.churnguard.app.notification.NotificationLevel;
import io.churnguard.app.notification.Notifier;
import io.churnguard.app.notification.Text;
import io.churnguard.app.security.Actor;
import io.churnguard.app.warning.WarningEscalated;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningRaised;
import io.churnguard.app.warning.WarningsRaised;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells owners about their warnings: in the inbox and through the configured webhooks
 * always, by email for levels I and II (the ones that cannot wait for tomorrow's digest),
 * and every morning a digest of their open and overdue warnings. An owner given many
 * warnings at once — a company's first daily run, a new rule — gets one summary per
 * region instead of a message for each. Runs after the warning's transaction commits,
 * from the stored event, so a crash delays a notification but never loses it.
 */
@Component
class WarningNotifications implements DigestContributor {

	/**
	 * From this many warnings of one announcement for one owner on, the owner gets a
	 * summary instead of a message for each.
	 */
	static final int SUMMARY_FROM = 10;

	/** The most severe customers a summary names. */
	private static final int SUMMARY_CUSTOMERS = 5;

	private final WarningQueries queries;

	private final Notifier notifier;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final java.time.ZoneId zone;

	WarningNotifications(WarningQueries queries, Notifier notifier, JdbcTemplate jdbc, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.queries = queries;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = java.time.ZoneId.of(zone);
	}

	@ApplicationModuleListener
	void on(WarningsRaised raised) {
		Map<String, List<WarningRaised>> byOwner = new LinkedHashMap<>();
		for (WarningRaised warning : raised.warnings()) {
			if (warning.owner() != null) {
				byOwner.computeIfAbsent(warning.owner(), owner -> new ArrayList<>()).add(warning);
			}
		}
		List<Long> summarized = byOwner.values()
			.stream()
			.filter(warnings -> warnings.size() >= SUMMARY_FROM)
			.flatMap(List::stream)
			.map(WarningRaised::warningId)
			.toList();
		Map<Long, String> provinces = provinces(summarized);
		byOwner.forEach((owner, warnings) -> {
			if (warnings.size() < SUMMARY_FROM) {
				warnings.forEach(this::notify);
				return;
			}
			// By region, so that a regional group robot still hears of its own; new and
			// upgraded apart, as their single messages are (warning.raised and
			// warning.upgraded), for the webhooks that subscribe to one of them.
			Map<SummaryOf, List<WarningRaised>> groups = new LinkedHashMap<>();
			for (WarningRaised warning : warnings) {
				groups
					.computeIfAbsent(new SummaryOf(provinces.getOrDefault(warning.warningId(), ""), warning.upgraded()),
							key -> new ArrayList<>())
					.add(warning);
			}
			groups.forEach((of, some) -> this.notifier.notify(summary(owner, of, some)));
		});
	}

	private Map<Long, String> provinces(List<Long> warningIds) {
		Map<Long, String> provinces = new HashMap<>();
		if (!warningIds.isEmpty()) {
			this.jdbc.query("select id, coalesce(province, '') from warning where id = any (?)",
					ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", warningIds.toArray())), rs -> {
						provinces.put(rs.getLong(1), rs.getString(2));
					});
		}
		return provinces;
	}

	/**
	 * One message for many new (or many upgraded) warnings of one owner and region: how
	 * many, by level, and the most severe customers, linking to the owner's queue. The
	 * key names the warnings' range, so the same announcement handled twice tells once.
	 */
	private Notification summary(String owner, SummaryOf of, List<WarningRaised> warnings) {
		String region = of.region();
		boolean upgraded = of.upgraded();
		int[] byLevel = new int[5];
		for (WarningRaised warning : warnings) {
			byLevel[warning.level().rank()]++;
		}
		List<WarningRaised> severest = warnings.stream()
			.sorted(Comparator.comparingInt(warning -> warning.level().rank()))
			.limit(SUMMARY_CUSTOMERS)
			.toList();
		WarningLevel highest = severest.get(0).level();
		StringJoiner levelsZh = new StringJoiner("、");
		StringJoiner levelsEn = new StringJoiner(", ");
		for (int rank = 1; rank <= 4; rank++) {
			if (byLevel[rank] > 0) {
				String name = WarningLevel.ofRank(rank).name();
				levelsZh.add(name + "级 " + byLevel[rank] + " 条");
				levelsEn.add("level " + name + ": " + byLevel[rank]);
			}
		}
		StringJoiner customersZh = new StringJoiner("、");
		StringJoiner customersEn = new StringJoiner(", ");
		for (WarningRaised warning : severest) {
			customersZh.add(warning.customerId() + "（" + warning.level().name() + "级）");
			customersEn.add(warning.customerId() + " (" + warning.level().name() + ")");
		}
		int count = warnings.size();
		String inZh = region.isEmpty() ? "" : "（" + region + "）";
		String inEn = region.isEmpty() ? "" : " in " + region;
		Notification.Builder builder = Notification.to(owner)
			.kind(upgraded ? "warning.upgraded" : "warning.raised")
			.level(NotificationLevel.valueOf(highest.name()))
			.title(upgraded ? count + " 条预警已升级" + inZh : count + " 条新预警待您处理" + inZh,
					upgraded ? count + " of your warnings upgraded" + inEn : count + " new warnings for you" + inEn)
			.body(levelsZh + "。最严重的客户：" + customersZh + "。", levelsEn + ". Most severe: " + customersEn + ".")
			.link("/warnings?owner=" + URLEncoder.encode(owner, StandardCharsets.UTF_8))
			.fact("预警数", "Warnings", Integer.toString(count))
			.fact("最高等级", "Highest level", highest.name())
			.region(region.isEmpty() ? null : region)
			.key("warnings:" + owner + ":" + region + ":" + warnings.get(0).warningId() + "-"
					+ warnings.get(count - 1).warningId() + ":" + count + (upgraded ? ":upgraded" : ""));
		return (highest.rank() <= 2)
				? builder.channels(Notification.Channel.EMAIL, Notification.Channel.WEBHOOK).build()
				: builder.channels(Notification.Channel.WEBHOOK).build();
	}

	/** What one summary covers: a region ("" when unknown), new or upgraded warnings. */
	private record SummaryOf(String region, boolean upgraded) {
	}

	private void notify(WarningRaised raised) {
		if (raised.owner() == null) {
			return;
		}
		this.queries.findForSystem(raised.warningId())
			.ifPresent(warning -> this.notifier.notify(notification(warning, raised.owner(),
					raised.upgraded() ? "warning.upgraded" : "warning.raised", raised.upgraded() ? "预警升级" : "新预警",
					raised.upgraded() ? "Warning upgraded" : "New warning",
					"warning:" + warning.id() + ":" + (raised.upgraded() ? "upgraded:" + warning.level() : "raised"))));
	}

	@ApplicationModuleListener
	void on(WarningEscalated escalated) {
		if (escalated.to() == null || escalated.to().equals(escalated.from())) {
			return;
		}
		this.queries.findForSystem(escalated.warningId())
			.ifPresent(warning -> this.notifier.notify(notification(warning, escalated.to(), "warning.escalated",
					"预警超时升级给您", "Overdue warning escalated to you",
					"warning:" + warning.id() + ":escalated:" + warning.escalations())));
	}

	private Notification notification(WarningView warning, String recipient, String kind, String zhTitle,
			String enTitle, String key) {
		WarningLevel level = WarningLevel.ofRank(warning.level());
		String reasonZh = warning.reasons().isEmpty() ? "" : warning.reasons().get(0).zh();
		String reasonEn = warning.reasons().isEmpty() ? "" : warning.reasons().get(0).en();
		String value = (warning.valueAtRisk() != null) ? "¥" + warning.valueAtRisk().toPlainString() : "—";
		Notification.Builder builder = Notification.to(recipient)
			.kind(kind)
			.level(NotificationLevel.valueOf(level.name()))
			.title(level.name() + "级" + zhTitle + "：客户 " + warning.customerId(),
					enTitle + " (level " + level.name() + "): customer " + warning.customerId())
			.body(reasonZh + "。风险价值 " + value + "，请在 " + due(warning) + " 前处理。",
					reasonEn + ". Value at risk " + value + "; due by " + due(warning) + ".")
			.link("/warnings/" + warning.id())
			.fact("客户", "Customer", warning.customerId())
			.fact("等级", "Level", level.name())
			.fact("风险价值", "Value at risk", value)
			.fact("处理时限", "Due", due(warning))
			.region(warning.province())
			.key(key);
		return (level.rank() <= 2) ? builder.channels(Notification.Channel.EMAIL, Notification.Channel.WEBHOOK).build()
				: builder.channels(Notification.Channel.WEBHOOK).build();
	}

	private String due(WarningView warning) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(warning.dueAt().atZone(this.zone));
	}

	@Override
	public Text heading() {
		return Text.of("我的预警", "My warnings");
	}

	@Override
	public List<DigestLine> linesFor(Actor user, LocalDate day) {
		List<DigestLine> lines = new ArrayList<>();
		List<Map<String, Object>> byLevel = this.jdbc.queryForList("""
				select level, count(*) as open, count(*) filter (where due_at < ?) as overdue
				from warning where owner = ? and status <> 'closed' group by level order by level""",
				java.sql.Timestamp.from(this.clock.instant()), user.username());
		for (Map<String, Object> row : byLevel) {
			WarningLevel level = WarningLevel.ofRank(((Number) row.get("level")).intValue());
			long open = ((Number) row.get("open")).longValue();
			long overdue = ((Number) row.get("overdue")).longValue();
			lines.add(new DigestLine(
					Text.of(level.name() + "级预警 " + open + " 条未关闭" + ((overdue > 0) ? "，其中 " + overdue + " 条已超时" : ""),
							open + " open level " + level.name() + " warnings"
									+ ((overdue > 0) ? ", " + overdue + " overdue" : "")),
					NotificationLevel.valueOf(level.name())));
		}
		return lines;
	}

}
