package io.churnguard.app.support;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.Imports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting up a company in an integration test as its people would: files loaded through
 * the importer with nothing rejected, and users created by the administrator through the
 * API, each with the initial password the API answers once.
 */
public final class TestCompany {

	private TestCompany() {
	}

	/**
	 * Loads a customers or events file and checks that no row was rejected.
	 * @param imports the importer
	 * @param kind customers or events
	 * @param file the file
	 */
	public static void load(Imports imports, ImportKind kind, Path file) {
		assertThat(imports.run(new ImportRequest(kind, file, null, null, null, "test", ImportChannel.CLI), null)
			.rejected()).isZero();
	}

	/**
	 * Creates a user through the API as the administrator.
	 * @param api the API on the test server
	 * @param adminPassword the administrator's password
	 * @param username the new user's name
	 * @param role the role, e.g. {@code AGENT}
	 * @param region the region (province), or null
	 * @param team the team, or null
	 * @return the user's initial password
	 */
	public static String user(Http api, String adminPassword, String username, String role, String region,
			String team) {
		String body = "{\"username\":\"" + username + "\",\"displayName\":\"测试\",\"role\":\"" + role + "\""
				+ ((region != null) ? ",\"region\":\"" + region + "\"" : "")
				+ ((team != null) ? ",\"team\":\"" + team + "\"" : "") + "}";
		HttpResponse<String> created = api.postJson("/api/v1/users", body, "Authorization",
				Http.basic("admin", adminPassword));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.body().replaceAll(".*\"initialPassword\":\"([^\"]+)\".*", "$1");
	}

}
