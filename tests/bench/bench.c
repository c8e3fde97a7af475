/*
 * make bench (issue 10): sqlgen against the cost of its own I/O and
 * against a peer, as ratios measured in one run.
 *
 *   bench SQLGEN RUNS DIALECT NODE_PATH N SCHEMA KNEXJS [N SCHEMA KNEXJS]...
 *
 * For each size, RUNS rounds each time, back to back (paired, so that
 * load on the machine hits every contender alike), in an order that
 * rotates from round to round:
 *   - sqlgen --dialect=DIALECT SCHEMA > FILE (one dialect);
 *   - sqlgen --all -o DIR SCHEMA (every dialect);
 *   - cat SCHEMA OUT > FILE, where OUT is what the one-dialect run wrote:
 *     the cost of reading and writing sqlgen's bytes and nothing else;
 *   - if NODE_PATH is not "-": NODE_PATH=... node KNEXJS oracledb
 *     --tosql > FILE, knex's toSQL() on the same schema (the DIALECT
 *     is meant to be oracle for this comparison).
 * Each contender's time is the median of its rounds; its peak resident
 * set is the largest ru_maxrss wait4 reported.  The median processor
 * time (user and system) is shown beside: on a loaded machine it moves
 * less than the wall time the ratios are taken from.  Then the four ratios of
 * the issue, each beside its goal.  Nothing is asserted: timings belong
 * in a report, not in a test.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS	101
#define MAX_SIZES	4

enum { C_ONE, C_ALL, C_CAT, C_KNEX, C_COUNT };

static const char *const names[C_COUNT] = {
	"sqlgen one dialect", "sqlgen --all", "cat in+out", "knex toSQL()"
};

struct size {
	long	 n;
	double	 t[C_COUNT][MAX_RUNS];
	double	 cpu[C_COUNT][MAX_RUNS];
	double	 median[C_COUNT];
	double	 median_cpu[C_COUNT];
	long	 rss_kb[C_COUNT];
	int	 have[C_COUNT];
};

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Runs argv with standard output on out (or /dev/null) and standard error
 * on /dev/null; returns its wall seconds, or -1 if it failed.
 */
static double
run(char *const argv[], const char *out, long *maxrss_kb, double *cpu)
{
	struct rusage	ru;
	double		t0;
	pid_t		pid;
	int		status, fd;

	t0 = now();
	if ((pid = fork()) == 0) {
		fd = out != NULL ? open(out, O_WRONLY | O_CREAT | O_TRUNC,
		    0666) : open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	*maxrss_kb = ru.ru_maxrss;
	if (cpu != NULL)
		*cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	return now() - t0;
}

/* Removes the files in dir (sqlgen --all's scripts) and dir. */
static void
remove_dir(const char *dir)
{
	struct dirent	*de;
	DIR		*dp;
	char		 path[4352];

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (unlink(path) != 0)
			remove_dir(path);
	}
	closedir(dp);
	rmdir(dir);
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
ratio(const char *what, double value, const char *goal, int met)
{
	printf("  %-46s %7.2f   goal %-8s %s\n", what, value, goal,
	    met ? "met" : "NOT MET");
}

int
main(int argc, char **argv)
{
	static struct size	 sizes[MAX_SIZES];
	struct size		*s, *small, *big;
	char			 tmp[] = "/tmp/sqlgen-bench-XXXXXX";
	char			 out1[4200], outc[4200], outk[4200], alldir[4200];
	char			 dial[256], node[] = "node";
	char			*args[C_COUNT][8];
	const char		*outs[C_COUNT];
	double			 t;
	long			 rss;
	int			 runs, nsizes, i, j, k, c, knex;

	if (argc < 8 || (argc - 5) % 3 != 0) {
		fputs("usage: bench SQLGEN RUNS DIALECT NODE_PATH "
		    "N SCHEMA KNEXJS...\n", stderr);
		return 2;
	}
	runs = atoi(argv[2]);
	if (runs < 1 || runs > MAX_RUNS)
		runs = 5;
	nsizes = (argc - 5) / 3;
	if (nsizes > MAX_SIZES)
		nsizes = MAX_SIZES;
	knex = strcmp(argv[4], "-") != 0;
	if (mkdtemp(tmp) == NULL) {
		perror("bench: mkdtemp");
		return 2;
	}
	snprintf(out1, sizeof out1, "%s/one.sql", tmp);
	snprintf(outc, sizeof outc, "%s/cat.out", tmp);
	snprintf(outk, sizeof outk, "%s/knex.sql", tmp);
	snprintf(alldir, sizeof alldir, "%s/all", tmp);
	snprintf(dial, sizeof dial, "--dialect=%s", argv[3]);
	/* Only node reads it. */
	if (knex)
		setenv("NODE_PATH", argv[4], 1);
	for (k = 0; k < nsizes; k++) {
		s = &sizes[k];
		s->n = atol(argv[5 + 3 * k]);
		args[C_ONE][0] = argv[1];
		args[C_ONE][1] = dial;
		args[C_ONE][2] = "--quiet";
		args[C_ONE][3] = argv[6 + 3 * k];
		args[C_ONE][4] = NULL;
		args[C_ALL][0] = argv[1];
		args[C_ALL][1] = "--all";
		args[C_ALL][2] = "-o";
		args[C_ALL][3] = alldir;
		args[C_ALL][4] = "--quiet";
		args[C_ALL][5] = argv[6 + 3 * k];
		args[C_ALL][6] = NULL;
		args[C_CAT][0] = "cat";
		args[C_CAT][1] = argv[6 + 3 * k];
		args[C_CAT][2] = out1;
		args[C_CAT][3] = NULL;
		args[C_KNEX][0] = node;
		args[C_KNEX][1] = argv[7 + 3 * k];
		args[C_KNEX][2] = "oracledb";
		args[C_KNEX][3] = "--tosql";
		args[C_KNEX][4] = NULL;
		outs[C_ONE] = out1;
		outs[C_ALL] = NULL;
		outs[C_CAT] = outc;
		outs[C_KNEX] = outk;
		/* A first run writes what cat reads, and warms the caches. */
		if (run(args[C_ONE], out1, &rss, NULL) < 0) {
			fprintf(stderr, "bench: %s failed on %s\n", argv[1],
			    argv[6 + 3 * k]);
			remove_dir(tmp);
			return 1;
		}
		if (knex && run(args[C_KNEX], outk, &rss, NULL) < 0) {
			fprintf(stderr, "bench: knex failed on %s; "
			    "leaving the peer out\n", argv[7 + 3 * k]);
			knex = 0;
		}
		for (i = 0; i < runs; i++)
			for (j = 0; j < C_COUNT; j++) {
				c = (i + j) % C_COUNT;
				if (c == C_KNEX && !knex)
					continue;
				t = run(args[c], outs[c], &rss,
				    &s->cpu[c][i]);
				if (t < 0) {
					fprintf(stderr, "bench: %s failed\n",
					    names[c]);
					remove_dir(tmp);
					return 1;
				}
				s->t[c][i] = t;
				if (rss > s->rss_kb[c])
					s->rss_kb[c] = rss;
				s->have[c] = 1;
			}
		for (c = 0; c < C_COUNT; c++)
			if (s->have[c]) {
				s->median[c] = median(s->t[c], runs);
				s->median_cpu[c] = median(s->cpu[c], runs);
			}
	}
	remove_dir(tmp);

	printf("median of %d paired runs; dialect %s\n", runs, argv[3]);
	printf("%8s  %-20s %10s %10s %10s\n", "tables", "", "ms", "cpu ms",
	    "peak MB");
	for (k = 0; k < nsizes; k++)
		for (c = 0; c < C_COUNT; c++)
			if (sizes[k].have[c])
				printf("%8ld  %-20s %10.1f %10.1f %10.1f\n",
				    sizes[k].n, names[c],
				    sizes[k].median[c] * 1e3,
				    sizes[k].median_cpu[c] * 1e3,
				    (double)sizes[k].rss_kb[c] / 1024.0);
	small = &sizes[0];
	big = &sizes[nsizes - 1];
	printf("at %ld tables:\n", big->n);
	if (big->have[C_KNEX])
		ratio("knex time / sqlgen time (one dialect)",
		    big->median[C_KNEX] / big->median[C_ONE], ">= 8", big->
		    median[C_KNEX] >= 8 * big->median[C_ONE]);
	else
		printf("  %-46s skipped (no node or knex)\n",
		    "knex time / sqlgen time (one dialect)");
	ratio("sqlgen time (one dialect) / cat time",
	    big->median[C_ONE] / big->median[C_CAT], "<= 5",
	    big->median[C_ONE] <= 5 * big->median[C_CAT]);
	ratio("peak MB, one dialect", (double)big->rss_kb[C_ONE] / 1024.0,
	    "<= 16", big->rss_kb[C_ONE] <= 16 * 1024);
	ratio("peak MB, --all", (double)big->rss_kb[C_ALL] / 1024.0, "<= 16",
	    big->rss_kb[C_ALL] <= 16 * 1024);
	if (nsizes > 1) {
		printf("against %ld tables:\n", small->n);
		ratio("time ratio (one dialect)",
		    big->median[C_ONE] / small->median[C_ONE], "<= 11",
		    big->median[C_ONE] <= 11 * small->median[C_ONE]);
	}
	ratio("--all time / one dialect time", big->median[C_ALL] /
	    big->median[C_ONE], "<= 1.5", big->median[C_ALL] <=
	    1.5 * big->median[C_ONE]);
	return 0;
}
