/*
 * A twin of how WSO2's migration client runs one script: SchemaMigrator's
 * migrateWithDBConnection, executeSQLScript and executeSQL
 * (identity-migration-resources; shared/reference/migration-client.md,
 * section 2), rule for rule, so that tests/migclient.sh can run the
 * bundled scripts exactly as the client would, over JDBC.  The same
 * rules are modelled in C by src/split-migclient.c (sqlgen split
 * --runner=migration-client); the test holds the two to the same cuts.
 *
 *   java MigRunner URL USER PASSWORD DBTYPE SCRIPT
 *	runs SCRIPT on one connection, auto-commit off, as one transaction:
 *	committed at the end, rolled back at the first error.  Prints each
 *	statement it sends; on failure says which statement, its line, the
 *	SQLSTATE and the message on standard error and exits 1.
 *   java MigRunner --split DBTYPE SCRIPT...
 *	connects to nothing: prints each SCRIPT's statements as they would
 *	be sent, in sqlgen split's format, for the cross-check.
 *
 * DBTYPE is the client's database type (DatabaseCreator.getDatabaseType):
 * oracle and db2 start with the delimiter "/", every other type with
 * ";".  The client reads the type from the connection; the twin is
 * told, since MariaDB's driver names itself "MariaDB", which the
 * client's table would not know, and since --split has no connection.
 */
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringTokenizer;

public final class MigRunner {
	/* Where the statements go: a database, or standard output. */
	interface Sink {
		void send(int n, String sql, int line) throws SQLException;
	}

	/* The SQLSTATEs the client takes for "already exists". */
	static final String[] IGNORED = { "X0Y32", "42710", "42P07" };

	/*
	 * Statements are printed as the client sends them, so the file
	 * name and the text are UTF-8 whatever the locale: Java 17 would
	 * otherwise take the encoding from LC_ALL, and C gives ASCII.
	 */
	static final PrintStream out = new PrintStream(
	    new FileOutputStream(FileDescriptor.out), true,
	    StandardCharsets.UTF_8);

	/* What went wrong, where: the statement that failed. */
	static final class Failure extends Exception {
		private static final long serialVersionUID = 1;
		final int stmt, line;
		final String sql;

		Failure(int stmt, int line, String sql, Exception cause) {
			super(cause);
			this.stmt = stmt;
			this.line = line;
			this.sql = sql;
		}
	}

	private final Sink sink;
	private int sent;		/* statements sent */
	private int line;		/* lines read */
	private int first;		/* the statement's first line */

	private MigRunner(Sink sink) {
		this.sink = sink;
	}

	/*
	 * executeSQL's first check: a statement of blanks is not sent.
	 * The line it reports is that of the statement's first non-empty
	 * line, as sqlgen split does.
	 */
	private void executeSQL(String sql) throws Failure {
		if ("".equals(sql.trim()))
			return;
		sent++;
		try {
			sink.send(sent, sql, first);
		} catch (SQLException e) {
			throw new Failure(sent, first, sql, e);
		}
	}

	/* Appends a line after a space, noting where the statement began. */
	private void append(StringBuilder sql, String l) {
		if (first == 0 && !l.isEmpty())
			first = line;
		sql.append(' ').append(l);
	}

	private void reset(StringBuilder sql) {
		sql.setLength(0);
		first = 0;
	}

	/*
	 * executeSQLScript, less its logging.  The client's RuntimeExceptions
	 * (a DELIMITER line with no second token, an End of Procedure with
	 * less gathered than the delimiter is long) end the script as an
	 * SQLException does, so they are thrown as they are.
	 */
	void script(String path, String dbtype) throws Failure, IOException {
		String delimiter = ";";
		boolean procedure = false;
		StringBuilder sql = new StringBuilder();

		if ("oracle".equals(dbtype) || "db2".equals(dbtype))
			delimiter = "/";
		if (!new File(path).exists()) {
			/* Not an error: the client logs it and goes on. */
			out.println("-- DB script: " + path + " is not " +
			    "available for this migration");
			return;
		}
		/*
		 * The client reads with the JVM's default charset, UTF-8
		 * where WSO2 runs; the twin says so rather than take it from
		 * the test's locale.
		 */
		try (BufferedReader reader = new BufferedReader(
		    new InputStreamReader(new FileInputStream(path),
		    StandardCharsets.UTF_8))) {
			String l;

			while ((l = reader.readLine()) != null) {
				line++;
				l = l.trim();
				if (l.contains("DELIMITER")) {
					delimiter = l.split(" ")[1];
					continue;
				}
				if (l.contains("Start of Procedure")) {
					procedure = true;
					continue;
				}
				if (l.contains("End of Procedure")) {
					executeSQL(sql.substring(0, sql.length() -
					    delimiter.length()));
					reset(sql);
					procedure = false;
					continue;
				}
				if (l.startsWith("//") || l.startsWith("--"))
					continue;
				StringTokenizer st = new StringTokenizer(l);
				if (st.hasMoreTokens() &&
				    "REM".equalsIgnoreCase(st.nextToken()))
					continue;
				if (procedure) {
					append(sql, l);
					continue;
				}
				/*
				 * The client puts the schema owner it was
				 * configured with here; the twin never runs on
				 * Oracle, and writes what sqlgen split writes.
				 */
				if ("oracle".equals(dbtype) &&
				    l.contains("databasename :="))
					l = "databasename := '<schema owner>';";
				append(sql, l);
				/* "--" comments to the end of the line. */
				if (l.indexOf("--") >= 0)
					sql.append('\n');
				if (sql.toString().endsWith(delimiter)) {
					executeSQL(sql.substring(0, sql.length() -
					    delimiter.length()));
					reset(sql);
				}
			}
			/* "Catch any statements not followed by ;" */
			if (sql.length() > 0)
				executeSQL(sql.toString());
		}
	}

	/* sqlgen split's form: the text without the blanks around it. */
	static String bare(String sql) {
		int a = 0, b = sql.length();

		while (a < b && (sql.charAt(a) == ' ' || sql.charAt(a) == '\n'))
			a++;
		while (b > a && (sql.charAt(b - 1) == ' ' ||
		    sql.charAt(b - 1) == '\n'))
			b--;
		return sql.substring(a, b);
	}

	static void print(int n, int line, String sql) {
		out.print((n > 1 ? "\n" : "") + "-- statement " + n + ", line " +
		    line + "\n" + bare(sql) + "\n");
	}

	/* --split: each file's statements after a "== FILE" line. */
	static int split(String dbtype, String[] files, int from) {
		int status = 0;

		for (int i = from; i < files.length; i++) {
			out.println("== " + files[i]);
			try {
				new MigRunner((n, sql, line) ->
				    print(n, line, sql)).script(files[i], dbtype);
			} catch (Exception e) {
				/* The client's step fails here. */
				out.println("== the runner fails here");
				System.err.println(files[i] + ": " + e);
				status = 1;
			}
		}
		return status;
	}

	/*
	 * migrateWithDBConnection: one connection, auto-commit off, the
	 * script, commit; rollback on any failure.  executeSQL runs each
	 * statement with execute() and reads its results, and ignores the
	 * "already exists" SQLSTATEs: on PostgreSQL that leaves the
	 * transaction aborted, and the next statement fails, as it would
	 * in the client.
	 */
	static int run(String url, String user, String password, String dbtype,
	    String path) {
		final int[] ignored = { 0 };

		try (Connection conn = DriverManager.getConnection(url, user,
		    password)) {
			conn.setAutoCommit(false);
			try (Statement statement = conn.createStatement()) {
				MigRunner r = new MigRunner((n, sql, line) -> {
					print(n, line, sql);
					try {
						/*
						 * The client's loop: results
						 * until the first that is no
						 * result set.
						 */
						statement.execute(sql);
						while (statement.getMoreResults())
							;
						conn.clearWarnings();
					} catch (SQLException e) {
						String s = e.getSQLState();
						for (String i : IGNORED)
							if (i.equals(s)) {
								out.println("-- ignored: SQLSTATE " +
								    s + ": " + e.getMessage());
								ignored[0]++;
								return;
							}
						throw e;
					}
				});
				try {
					r.script(path, dbtype);
					conn.commit();
				} catch (Exception e) {
					/* A failed rollback is logged; the error stands. */
					try {
						conn.rollback();
					} catch (SQLException x) {
						e.addSuppressed(x);
					}
					throw e;
				}
				out.println("-- " + r.sent + " statements sent, " +
				    ignored[0] + " errors ignored, committed");
			}
		} catch (Failure f) {
			Throwable c = f.getCause();
			String state = c instanceof SQLException ?
			    ((SQLException)c).getSQLState() : null;
			System.err.println(path + ": statement " + f.stmt +
			    ", line " + f.line + ": SQLSTATE " + state + ": " +
			    c.getMessage());
			System.err.println("  sent: " + bare(f.sql));
			System.err.println("  rolled back");
			return 1;
		} catch (Exception e) {
			String state = e instanceof SQLException ?
			    ": SQLSTATE " + ((SQLException)e).getSQLState() : "";
			System.err.println(path + state + ": " + e);
			return 1;
		}
		return 0;
	}

	public static void main(String[] args) {
		int status;

		if (args.length >= 3 && args[0].equals("--split"))
			status = split(args[1], args, 2);
		else if (args.length == 5)
			status = run(args[0], args[1], args[2], args[3], args[4]);
		else {
			System.err.println("usage: MigRunner URL USER PASSWORD " +
			    "DBTYPE SCRIPT\n       MigRunner --split DBTYPE " +
			    "SCRIPT...");
			status = 2;
		}
		System.exit(status);
	}
}
