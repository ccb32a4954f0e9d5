package io.churnguard.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.ImportSummary;
import io.churnguard.app.ingest.Imports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
		"Import customers or events from a CSV (UTF-8 or GBK), JSON Lines or XLSX file.",
		"Prints a JSON summary on stdout; rejected rows go to a CSV file (line, column, value, reason).",
		"Re-importing a file adds nothing. Exit code 0 when the import completed (even with rejects), 1 when it failed." })
final class ImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "customers|events", description = "What the file holds.")
	String kind;

	@Option(names = "--file", required = true, description = "The file to import (.csv, .jsonl, .xlsx).")
	Path file;

	@Option(names = "--mapping", description = "A YAML mapping from the file's columns to ChurnGuard's fields "
			+ "(not needed for files in ChurnGuard's own format; see docs/import.md).")
	Path mapping;

	@Option(names = "--charset", description = "The file's charset, e.g. GBK; detected when omitted.")
	String charset;

	@Option(names = "--rejects", description = "Where to write rejected rows (default: <file>.rejects.csv).")
	Path rejects;

	@Option(names = "--data-dir", description = "Workspace directory (default: ./data).")
	Path dataDir;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		ImportKind importKind;
		try {
			importKind = ImportKind.fromCode(this.kind);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		if (!Files.isReadable(this.file)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "cannot read the file " + this.file);
		}
		String mappingYaml = (this.mapping != null) ? Files.readString(this.mapping, StandardCharsets.UTF_8) : null;
		Charset declared = (this.charset != null) ? Charset.forName(this.charset) : null;
		Path rejectFile = (this.rejects != null) ? this.rejects
				: this.file.resolveSibling(this.file.getFileName() + ".rejects.csv");
		List<String> arguments = new ArrayList<>();
		if (this.dataDir != null) {
			arguments.add("--churnguard.data-dir=" + this.dataDir);
		}
		this.spec.commandLine().getErr().println("Importing " + importKind.code() + " from " + this.file + " ...");
		try (ConfigurableApplicationContext context = SpringLauncher.headless(arguments);
				Writer rejectWriter = Files.newBufferedWriter(rejectFile, StandardCharsets.UTF_8)) {
			ImportSummary summary = context.getBean(Imports.class)
				.run(new ImportRequest(importKind, this.file, this.file.getFileName().toString(), declared, mappingYaml,
						Cli.actor(), ImportChannel.CLI), rejectWriter);
			this.spec.commandLine().getOut().println(Json.pretty(new CliImportSummary(summary, rejectFile)));
			if (summary.rejected() > 0) {
				this.spec.commandLine()
					.getErr()
					.println(summary.rejected() + " row(s) rejected; see " + rejectFile.toAbsolutePath());
			}
			return "completed".equals(summary.status()) ? 0 : 1;
		}
		finally {
			if (Files.exists(rejectFile) && Files.size(rejectFile) <= "line,column,value,reason\r\n".length()) {
				Files.delete(rejectFile);
			}
		}
	}

	/** The summary plus where the CLI wrote the rejects. */
	record CliImportSummary(@com.fasterxml.jackson.annotation.JsonUnwrapped ImportSummary summary, String rejectFile) {

		CliImportSummary(ImportSummary summary, Path rejectFile) {
			this(summary, (summary.rejected() > 0) ? rejectFile.toAbsolutePath().toString() : null);
		}

	}

}
