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
 * less than the wall time.
 *
 * The processors of a machine need not be equally fast: on the 2-core
 * machine issue 10 names, one ran sqlgen in half the time of the other,
 * and which one was the slower changed from hour to hour.
 * So each round runs sqlgen and cat on one processor, the bench's
 * processors in turn, and each ratio is the median of the rounds' own
 * ratios: a round compares like with like, whichever processor it had.
 * knex is left where the system puts it: node runs threads of its own,
 * and tying them to one processor would slow the peer.  Then the four
 * ratios of the issue, each beside its goal.  Nothing is asserted:
 * timings belong in a report, not in a test.
 */
#define _GNU_SOURCE	/* sched_setaffinity */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
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
 * on /dev/null, on processor on if it is not -1; returns its wall
 * seconds, or -1 if it failed.
 */
static double
run(char *const argv[], const char *out, int on, long *maxrss_kb,
    double *cpu)
{
	struct rusage	ru;
	cpu_set_t	set;
	double		t0;
	pid_t		pid;
	int		status, fd;

	t0 = now();
	if ((pid = fork()) == 0) {
		if (on >= 0) {
			CPU_ZERO(&set);
			CPU_SET(on, &set);
			sched_setaffinity(0, sizeof set, &set);
		}
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

/* The median of the rounds' ratios a[i] / b[i]. */
static double
paired(const double *a, const double *b, int n)
{
	double	r[MAX_RUNS];
	int	i;

	for (i = 0; i < n; i++)
		r[i] = a[i] / b[i];
	return median(r, n);
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
	double			 t, r_knex = 0, r_cat, r_lin = 0, r_all;
	double			 on_cpu[MAX_RUNS], by_cpu[MAX_RUNS];
	cpu_set_t		 mine;
	long			 rss;
	int			 cpus[MAX_RUNS], ncpus = 0, at[MAX_RUNS];
	int			 runs, nsizes, i, j, k, c, n, knex;

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
	/* The processors the rounds take in turn: those the bench may use. */
	if (sched_getaffinity(0, sizeof mine, &mine) == 0)
		for (i = 0; i < CPU_SETSIZE && ncpus < MAX_RUNS; i++)
			if (CPU_ISSET(i, &mine))
				cpus[ncpus++] = i;
	for (i = 0; i < runs; i++)
		at[i] = ncpus > 0 ? cpus[i % ncpus] : -1;
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
		if (run(args[C_ONE], out1, -1, &rss, NULL) < 0) {
			fprintf(stderr, "bench: %s failed on %s\n", argv[1],
			    argv[6 + 3 * k]);
			remove_dir(tmp);
			return 1;
		}
		if (knex && run(args[C_KNEX], outk, -1, &rss, NULL) < 0) {
			fprintf(stderr, "bench: knex failed on %s; "
			    "leaving the peer out\n", argv[7 + 3 * k]);
			knex = 0;
		}
		for (i = 0; i < runs; i++)
			for (j = 0; j < C_COUNT; j++) {
				c = (i + j) % C_COUNT;
				if (c == C_KNEX && !knex)
					continue;
				t = run(args[c], outs[c], c == C_KNEX ? -1 :
				    at[i], &rss, &s->cpu[c][i]);
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
	}
	remove_dir(tmp);

	/* Ratios of the same rounds, before median() sorts the times. */
	small = &sizes[0];
	big = &sizes[nsizes - 1];
	if (big->have[C_KNEX])
		r_knex = paired(big->t[C_KNEX], big->t[C_ONE], runs);
	r_cat = paired(big->t[C_ONE], big->t[C_CAT], runs);
	if (nsizes > 1)
		r_lin = paired(big->t[C_ONE], small->t[C_ONE], runs);
	r_all = paired(big->t[C_ALL], big->t[C_ONE], runs);
	/* One dialect's time on each processor, to show how they differ. */
	for (j = 0; j < ncpus; j++) {
		for (i = n = 0; i < runs; i++)
			if (at[i] == cpus[j])
				on_cpu[n++] = big->t[C_ONE][i];
		by_cpu[j] = n > 0 ? median(on_cpu, n) : 0;
	}
	for (k = 0; k < nsizes; k++)
		for (c = 0; c < C_COUNT; c++)
			if (sizes[k].have[c]) {
				sizes[k].median[c] = median(sizes[k].t[c],
				    runs);
				sizes[k].median_cpu[c] = median(sizes[k].cpu[c],
				    runs);
			}

	printf("median of %d paired runs; dialect %s", runs, argv[3]);
	if (ncpus > 0)
		printf("; sqlgen and cat on processor%s", ncpus > 1 ? "s" : "");
	for (j = 0; j < ncpus; j++)
		printf("%s %d", j == 0 ? "" : j == ncpus - 1 ? " and" : ",",
		    cpus[j]);
	printf(ncpus > 1 ? " in turn\n" : "\n");
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
	if (ncpus > 1) {
		printf("one dialect at %ld tables, median by processor:",
		    big->n);
		for (j = 0; j < ncpus; j++)
			if (by_cpu[j] > 0)
				printf("%s cpu %d %.1f ms", j > 0 ? "," : "",
				    cpus[j], by_cpu[j] * 1e3);
		printf("\n");
	}
	printf("at %ld tables (each ratio the median of the rounds' "
	    "ratios):\n", big->n);
	if (big->have[C_KNEX])
		ratio("knex time / sqlgen time (one dialect)", r_knex, ">= 8",
		    r_knex >= 8);
	else
		printf("  %-46s skipped (no node or knex)\n",
		    "knex time / sqlgen time (one dialect)");
	ratio("sqlgen time (one dialect) / cat time", r_cat, "<= 5",
	    r_cat <= 5);
	ratio("peak MB, one dialect", (double)big->rss_kb[C_ONE] / 1024.0,
	    "<= 16", big->rss_kb[C_ONE] <= 16 * 1024);
	ratio("peak MB, --all", (double)big->rss_kb[C_ALL] / 1024.0, "<= 16",
	    big->rss_kb[C_ALL] <= 16 * 1024);
	ratio("--all time / one dialect time", r_all, "<= 1.5", r_all <= 1.5);
	if (nsizes > 1) {
		printf("against %ld tables:\n", small->n);
		ratio("time ratio (one dialect)", r_lin, "<= 11", r_lin <= 11);
	}
	return 0;
}
