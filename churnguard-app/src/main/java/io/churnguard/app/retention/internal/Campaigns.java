package io.churnguard.app.retention.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Campaigns as stored. */
@Component
class Campaigns {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	Campaigns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Campaign.Input c, String actor, Instant now, long seed) {
		return this.jdbc.queryForObject("""
				insert into campaign (name, description, kind, status, filter, playbook_ids, action, channel,
				  cost_per_contact, baseline_retention, expected_uplift, min_control_share, observation_days, seed,
				  start_at, created_at, created_by, updated_at)
				values (?, ?, ?, 'draft', ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				c.name(), c.description(), c.kind(), JSON.writeValueAsString(c.filter()),
				c.playbookIds().toArray(Long[]::new), c.action(), c.channel(), c.costPerContact(),
				c.baselineRetention(), c.expectedUplift(), c.minControlShare(), c.observationDays(), seed,
				ts(c.startAt()), ts(now), actor, ts(now));
	}

	void update(long id, Campaign.Input c, Instant now) {
		this.jdbc.update("""
				update campaign set name = ?, description = ?, kind = ?, filter = ?::jsonb, playbook_ids = ?,
				  action = ?, channel = ?, cost_per_contact = ?, baseline_retention = ?, expected_uplift = ?,
				  min_control_share = ?, observation_days = ?, start_at = ?, updated_at = ?
				where id = ?""", c.name(), c.description(), c.kind(), JSON.writeValueAsString(c.filter()),
				c.playbookIds().toArray(Long[]::new), c.action(), c.channel(), c.costPerContact(),
				c.baselineRetention(), c.expectedUplift(), c.minControlShare(), c.observationDays(), ts(c.startAt()),
				ts(now), id);
	}

	Optional<Campaign> find(long id) {
		return this.jdbc.query("select * from campaign where id = ?", (rs, n) -> map(rs), id).stream().findFirst();
	}

	Campaign require(long id) {
		return find(id).orElseThrow(() -> new NoSuchElementException("no campaign " + id));
	}

	/** Locks the campaign's row for a transition. */
	Campaign lock(long id) {
		return this.jdbc.query("select * from campaign where id = ? for update", (rs, n) -> map(rs), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no campaign " + id));
	}

	List<Campaign> all() {
		return this.jdbc.query("select * from campaign order by id desc", (rs, n) -> map(rs));
	}

	List<Campaign> withStatus(CampaignStatus status) {
		return this.jdbc.query("select * from campaign where status = ? order by id", (rs, n) -> map(rs),
				status.code());
	}

	void move(long id, CampaignStatus status, Instant now) {
		this.jdbc.update("update campaign set status = ?, updated_at = ? where id = ?", status.code(), ts(now), id);
	}

	void submitted(long id, Instant now) {
		this.jdbc.update("update campaign set status = 'submitted', submitted_at = ?, updated_at = ? where id = ?",
				ts(now), ts(now), id);
	}

	void decided(long id, CampaignStatus status, String by, String note, Instant now) {
		this.jdbc.update("""
				update campaign set status = ?, decided_at = ?, decided_by = ?, decision_note = ?, updated_at = ?
				where id = ?""", status.code(), ts(now), by, note, ts(now), id);
	}

	void launched(long id, Integer controlSize, Instant now) {
		this.jdbc.update("""
				update campaign set status = 'running', control_size = ?, launched_at = ?, updated_at = ?
				where id = ?""", controlSize, ts(now), ts(now), id);
	}

	void finished(long id, Instant now) {
		this.jdbc.update("update campaign set status = 'finished', finished_at = ?, updated_at = ? where id = ?",
				ts(now), ts(now), id);
	}

	private static Campaign map(ResultSet rs) throws SQLException {
		Array ids = rs.getArray("playbook_ids");
		List<Long> playbooks = (ids != null)
				? Arrays.stream((Object[]) ids.getArray()).map(o -> ((Number) o).longValue()).toList() : List.of();
		return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("kind"),
				CampaignStatus.fromCode(rs.getString("status")),
				JSON.readValue(rs.getString("filter"), TargetFilter.class), playbooks, rs.getString("action"),
				rs.getString("channel"), rs.getBigDecimal("cost_per_contact"), rs.getDouble("baseline_retention"),
				rs.getDouble("expected_uplift"), rs.getDouble("min_control_share"), rs.getInt("observation_days"),
				(Integer) rs.getObject("control_size"), rs.getLong("seed"), instant(rs, "start_at"),
				instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "submitted_at"),
				instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("decision_note"),
				instant(rs, "launched_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
