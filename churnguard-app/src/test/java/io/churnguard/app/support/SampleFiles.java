package io.churnguard.app.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Small, deterministic customer and event files in ChurnGuard's default format, for tests
 * that need data of a known shape and size.
 */
public final class SampleFiles {

	private static final String[] SURNAMES = { "张", "王", "李", "赵", "刘", "陈", "杨", "黄" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "洋" };

	private static final String[][] PLACES = { { "广东", "广州", "华南一组" }, { "北京", "北京", "华北一组" }, { "上海", "上海", "华东一组" } };

	private SampleFiles() {
	}

	/** Customers {@code prefix00001…}, with Chinese names, phones and places. */
	public static Path customers(Path file, String prefix, int count, Charset charset) {
		try (BufferedWriter out = Files.newBufferedWriter(file, charset)) {
			out.write("customer_id,name,gender,birth_year,phone,email,province,city,team,channel,plan,monthly_fee,"
					+ "join_date,contract_end_date,group_account,owner,status\n");
			Random random = new Random(count);
			for (int i = 1; i <= count; i++) {
				String[] place = PLACES[i % PLACES.length];
				out.write(String.join(",", id(prefix, i),
						SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
						(i % 2 == 0) ? "F" : "M", Integer.toString(1960 + random.nextInt(40)),
						"13" + String.format("%09d", random.nextInt(1_000_000_000)), "c" + i + "@example.com", place[0],
						place[1], place[2], "线上", "畅享套餐", "128.00", "2022-01-15", "2026-01-15",
						(i % 10 == 0) ? "true" : "false", "agent_" + (i % 3), "active"));
				out.write('\n');
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code perCustomer} usage and bill events for each customer, ids
	 * {@code E<prefix>-<n>}.
	 */
	public static Path events(Path file, String prefix, int customers, int perCustomer) {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("event_id,customer_id,event_time,event_type,subtype,amount,quantity,attributes\n");
			LocalDateTime start = LocalDateTime.of(2025, 1, 1, 8, 0);
			long n = 0;
			for (int c = 1; c <= customers; c++) {
				for (int e = 0; e < perCustomer; e++) {
					n++;
					LocalDateTime time = start.plusHours((long) e * 13 + c % 24);
					if (e % 10 == 9) {
						out.write("E" + prefix + "-" + n + "," + id(prefix, c) + "," + time + ",bill,monthly,128.00,,"
								+ "\"{\"\"period\"\":\"\"" + time.toLocalDate().toString().substring(0, 7)
								+ "\"\"}\"\n");
					}
					else {
						out.write("E" + prefix + "-" + n + "," + id(prefix, c) + "," + time + ",usage,voice,,"
								+ (e % 90) + ".5,\n");
					}
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String id(String prefix, int n) {
		return prefix + String.format("%05d", n);
	}

}
