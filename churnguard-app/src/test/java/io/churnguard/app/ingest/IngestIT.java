package io.churnguard.app.ingest;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Datasets;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.SampleFiles;
import io.churnguard.app.support.TestWorkspace;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ChurnGuardIT
class IngestIT {

	@Autowired
	Imports imports;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	final Path dir = TestWorkspace.newDirectory();

	@Test
	void aFileWithOnePercentCorruptRowsKeepsEveryGoodRowAndRejectsExactlyTheBadOnes() throws Exception {
		runCli(ImportKind.CUSTOMERS,
				SampleFiles.customers(this.dir.resolve("customers.csv"), "K", 200, StandardCharsets.UTF_8), null);
		Path clean = SampleFiles.events(this.dir.resolve("clean.csv"), "K", 200, 50);
		List<String> lines = new ArrayList<>(Files.readAllLines(clean));
		Set<Long> corrupted = new TreeSet<>();
		String[] damage = { "bad date", "unknown type", "missing id", "text in a number" };
		for (int line = 7, k = 0; line <= lines.size(); line += 100, k++) {
			String[] cells = lines.get(line - 1).split(",", -1);
			switch (damage[k % damage.length]) {
				case "bad date" -> cells[2] = "2025-13-45T00:00:00";
				case "unknown type" -> cells[3] = "teleport";
				case "missing id" -> cells[0] = "";
				default -> cells[6] = "lots";
			}
			if (cells[3].equals("bill") && damage[k % damage.length].equals("text in a number")) {
				cells[5] = "lots";
			}
			lines.set(line - 1, String.join(",", cells));
			corrupted.add((long) line);
		}
		Path file = this.dir.resolve("events-corrupt.csv");
		Files.write(file, lines);

		StringWriter rejects = new StringWriter();
		ImportSummary first = runCli(ImportKind.EVENTS, file, rejects);
		assertThat(first.status()).isEqualTo("completed");
		assertThat(first.rowsRead()).isEqualTo(10_000);
		assertThat(first.rejected()).isEqualTo(corrupted.size()).isEqualTo(100);
		assertThat(first.accepted()).isEqualTo(10_000 - corrupted.size());
		assertThat(rejectedLines(rejects.toString())).isEqualTo(corrupted);
		assertThat(rejects.toString()).contains("not a date-time", "unknown event type", "is required", "not a number");

		ImportSummary second = runCli(ImportKind.EVENTS, file, new StringWriter());
		assertThat(second.accepted()).as("importing it again adds nothing").isZero();
		assertThat(second.duplicates()).isEqualTo(first.accepted());
		assertThat(this.jdbc.queryForObject("select count(*) from event where customer_id like 'K%'", Long.class))
			.isEqualTo(first.accepted());
	}

	@Test
	void eventsOfUnknownCustomersAreReportedNotSilentlyDropped() {
		runCli(ImportKind.CUSTOMERS,
				SampleFiles.customers(this.dir.resolve("customers.csv"), "U", 5, StandardCharsets.UTF_8), null);
		Path events = SampleFiles.events(this.dir.resolve("events.csv"), "U", 7, 3);
		StringWriter rejects = new StringWriter();
		ImportSummary summary = runCli(ImportKind.EVENTS, events, rejects);
		assertThat(summary.accepted()).isEqualTo(15);
		assertThat(summary.unknownCustomers()).isEqualTo(6);
		assertThat(summary.rejected()).isEqualTo(6);
		assertThat(rejects.toString()).contains("U00006", "U00007", "unknown customer");
	}

	@Test
	void aGbkFileWithChineseHeadersImportsWithAMapping() throws Exception {
		String csv = """
				客户编号,姓名,性别,手机号码,省份,城市,入网日期,月费,集团客户,会员等级
				G001,欧阳娜娜,女,13912345678,浙江,杭州,2020年5月4日,"1,288.00",是,3
				G002,诸葛亮,男,13700001111,四川,成都,2019/12/1,58,否,1
				""";
		Path file = this.dir.resolve("客户-gbk.csv");
		Files.writeString(file, csv, Charset.forName("GBK"));
		String mapping = """
				kind: customers
				columns:
				  customer_id: 客户编号
				  name: 姓名
				  gender: 性别
				  phone: 手机号码
				  province: 省份
				  city: 城市
				  join_date: 入网日期
				  monthly_fee: 月费
				  group_account: 集团客户
				attributes:
				  会员等级: number
				""";
		ImportSummary summary = this.imports
			.run(new ImportRequest(ImportKind.CUSTOMERS, file, null, null, mapping, "test", ImportChannel.CLI), null);
		assertThat(summary.charset()).isEqualTo("GB18030");
		assertThat(summary.accepted()).isEqualTo(2);
		Map<String, Object> customer = this.jdbc.queryForMap(
				"select name, city, monthly_fee, group_account, join_date::text as joined, attributes::text as attrs "
						+ "from customer where customer_id = 'G001'");
		assertThat(customer).containsEntry("name", "欧阳娜娜")
			.containsEntry("city", "杭州")
			.containsEntry("group_account", true)
			.containsEntry("joined", "2020-05-04");
		assertThat(customer.get("attrs").toString()).contains("\"会员等级\": 3");
	}

	@Test
	void xlsxAndJsonLinesFilesImportLikeCsv() throws Exception {
		Path xlsx = this.dir.resolve("customers.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("客户");
			String[][] rows = { { "customer_id", "name", "join_date", "monthly_fee" }, { "X001", "赵敏", "", "99" },
					{ "X002", "周芷若", "2021-06-30", "abc" } };
			for (int r = 0; r < rows.length; r++) {
				XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			// A real date cell, formatted the way a Chinese Excel shows it.
			var cell = sheet.getRow(1).getCell(2);
			cell.setCellValue(java.time.LocalDate.of(2023, 8, 1));
			var style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			cell.setCellStyle(style);
			try (var out = Files.newOutputStream(xlsx)) {
				workbook.write(out);
			}
		}
		StringWriter rejects = new StringWriter();
		ImportSummary fromXlsx = runCli(ImportKind.CUSTOMERS, xlsx, rejects);
		assertThat(fromXlsx.format()).isEqualTo("xlsx");
		assertThat(fromXlsx.accepted()).isEqualTo(1);
		assertThat(rejects.toString()).contains("3,monthly_fee,abc,not a number");
		assertThat(this.jdbc.queryForObject("select join_date::text from customer where customer_id = 'X001'",
				String.class))
			.isEqualTo("2023-08-01");

		Path jsonl = this.dir.resolve("events.jsonl");
		Files.writeString(jsonl,
				"""
						{"event_id":"J1","customer_id":"X001","event_time":"2025-04-01T09:00:00","event_type":"complaint","subtype":"billing","attributes":{"category":"账单","text":"多收费"}}
						{"event_id":"J2","customer_id":"X001","event_time":"2025-04-02T09:00:00","event_type":"payment","amount":99}
						this is not json
						""");
		StringWriter jsonRejects = new StringWriter();
		ImportSummary fromJsonl = runCli(ImportKind.EVENTS, jsonl, jsonRejects);
		assertThat(fromJsonl.accepted()).isEqualTo(2);
		assertThat(jsonRejects.toString()).contains("3,(line)").contains("not valid JSON");
		assertThat(
				this.jdbc.queryForObject("select attributes->>'text' from event where event_id = 'J1'", String.class))
			.isEqualTo("多收费");
	}

	@Test
	void theIbmTelcoFileImportsWithTheShippedExampleMapping() throws Exception {
		Path telco = Datasets.path("telco-ibm/WA_Fn-UseC_-Telco-Customer-Churn.csv");
		String mapping = Files.readString(Datasets.repositoryFile("docs/examples/telco-ibm-customers.yaml"));
		ImportSummary summary = this.imports
			.run(new ImportRequest(ImportKind.CUSTOMERS, telco, null, null, mapping, "test", ImportChannel.CLI), null);
		assertThat(summary.rejected()).isZero();
		assertThat(summary.accepted()).isEqualTo(7043);
		assertThat(this.jdbc.queryForObject("select count(*) from customer where status = 'churned' and "
				+ "attributes->>'Contract' is not null and customer_id like '%-%'", Long.class))
			.isEqualTo(1869);
	}

	@Test
	void theApiImportsAFileInTheBackgroundAndOnlyTheImporterMayDownloadItsRejects() throws Exception {
		Http api = Http.api(this.port);
		String admin = Http.basic("admin", this.adminPassword);
		Path file = SampleFiles.customers(this.dir.resolve("api-customers.csv"), "A", 30, StandardCharsets.UTF_8);
		Files.writeString(file, "A99999,坏数据,M,1985,138,bad,,,,,,,not-a-date,,,,\n",
				java.nio.file.StandardOpenOption.APPEND);
		HttpResponse<String> started = api.postMultipart("/api/v1/imports", Map.of("kind", "customers"), "file",
				"customers.csv", Files.readAllBytes(file), "Authorization", admin);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		String body = "";
		for (int i = 0; i < 100 && !body.contains("\"status\":\"completed\""); i++) {
			Thread.sleep(100);
			body = api.get(location, "Authorization", admin).body();
		}
		assertThat(body).contains("\"status\":\"completed\"", "\"accepted\":30", "\"rejected\":1");

		HttpResponse<String> rejects = api.get(location + "/rejects", "Authorization", admin);
		assertThat(rejects.body()).contains("line,column,value,reason", "32,join_date,not-a-date");

		String analyst = createUser(api, admin, "analyst.rejects", "ANALYST");
		assertThat(api.get(location + "/rejects", "Authorization", Http.basic("analyst.rejects", analyst)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theEventsApiLoadsTheGoodEventsOfABatchAndNamesEachBadOne() {
		runCli(ImportKind.CUSTOMERS, SampleFiles.customers(this.dir.resolve("c.csv"), "B", 2, StandardCharsets.UTF_8),
				null);
		Http api = Http.api(this.port);
		String admin = Http.basic("admin", this.adminPassword);
		String batch = """
				[{"event_id":"B-1","customer_id":"B00001","event_time":"2025-05-01T10:00:00+08:00","event_type":"usage","subtype":"data","quantity":512},
				 {"event_id":"B-2","customer_id":"B00002","event_time":"2025-05-01T11:00:00","event_type":"complaint","attributes":{"category":"网络"}},
				 {"event_id":"B-3","customer_id":"B00001","event_time":"2025-05-01","event_type":"bogus"},
				 {"event_id":"B-4","customer_id":"NOBODY","event_time":"2025-05-01T10:00:00","event_type":"usage"}]""";
		HttpResponse<String> response = api.postJson("/api/v1/events", batch, "Authorization", admin);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"received\":4", "\"accepted\":2", "\"rejected\":2",
				"{\"index\":2,\"field\":\"event_type\"", "{\"index\":3,\"field\":\"customer_id\"");
		assertThat(api.postJson("/api/v1/events", batch, "Authorization", admin).body()).contains("\"accepted\":0",
				"\"duplicates\":2");

		StringBuilder tooMany = new StringBuilder("[");
		for (int i = 0; i <= 10_000; i++) {
			tooMany.append((i > 0) ? "," : "").append("{}");
		}
		HttpResponse<String> refused = api.postJson("/api/v1/events", tooMany.append(']').toString(), "Authorization",
				admin);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("at most 10000");
	}

	private ImportSummary runCli(ImportKind kind, Path file, StringWriter rejects) {
		return this.imports.run(new ImportRequest(kind, file, null, null, null, "test", ImportChannel.CLI), rejects);
	}

	private static Set<Long> rejectedLines(String csv) {
		Set<Long> lines = new TreeSet<>();
		csv.lines().skip(1).forEach(line -> lines.add(Long.parseLong(line.substring(0, line.indexOf(',')))));
		return lines;
	}

	private static String createUser(Http api, String admin, String username, String role) {
		HttpResponse<String> created = api.postJson("/api/v1/users",
				"{\"username\":\"" + username + "\",\"displayName\":\"测试\",\"role\":\"" + role + "\"}", "Authorization",
				admin);
		return created.body().replaceAll(".*\"initialPassword\":\"([^\"]+)\".*", "$1");
	}

}
