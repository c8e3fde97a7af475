/*
 * make bench: runs sqlgen on a generated 1,000-table schema for each
 * dialect, RUNS times, and reports the best wall time and the peak
 * resident set of the child (wait4's ru_maxrss).  Times are measured
 * here, not asserted by the tests, so a slow machine fails nothing.
 *
 *   bench SQLGEN TEMPLATES SCHEMA RUNS DIALECT...
 *
 * The dialect "all" runs sqlgen --all once (one parse, every dialect,
 * written under a temporary directory).
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

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One run; returns seconds, or -1 if sqlgen failed. */
static double
run(char *const argv[], long *maxrss_kb)
{
	struct rusage	ru;
	double		t0;
	pid_t		pid;
	int		status, fd;

	t0 = now();
	if ((pid = fork()) == 0) {
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	*maxrss_kb = ru.ru_maxrss;
	return now() - t0;
}

/* Removes dir and the files sqlgen --all wrote in it. */
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
		unlink(path);
	}
	closedir(dp);
	rmdir(dir);
}

int
main(int argc, char **argv)
{
	char	 tmpl[4096], dial[256], outdir[] = "/tmp/sqlgen-bench-XXXXXX";
	char	*args[8];
	double	 best, t, total = 0;
	long	 rss, peak;
	int	 runs, i, d;

	if (argc < 6) {
		fputs("usage: bench SQLGEN TEMPLATES SCHEMA RUNS DIALECT...\n",
		    stderr);
		return 2;
	}
	runs = atoi(argv[4]);
	if (mkdtemp(outdir) == NULL)
		return 2;
	snprintf(tmpl, sizeof tmpl, "--templates=%s", argv[2]);
	printf("%-14s %10s %10s\n", "dialect", "best ms", "peak MB");
	for (d = 5; d < argc; d++) {
		args[0] = argv[1];
		args[1] = tmpl;
		args[2] = dial;
		args[3] = "--quiet";
		args[4] = argv[3];
		args[5] = NULL;
		if (strcmp(argv[d], "all") == 0) {
			snprintf(dial, sizeof dial, "--all");
			args[3] = "-o";
			args[4] = outdir;
			args[5] = "--quiet";
			args[6] = argv[3];
			args[7] = NULL;
		} else
			snprintf(dial, sizeof dial, "--dialect=%s", argv[d]);
		best = 1e9;
		peak = 0;
		for (i = 0; i < runs; i++) {
			if ((t = run(args, &rss)) < 0) {
				fprintf(stderr, "bench: sqlgen failed for %s\n",
				    argv[d]);
				return 1;
			}
			if (t < best)
				best = t;
			if (rss > peak)
				peak = rss;
		}
		if (strcmp(argv[d], "all") != 0)
			total += best;
		printf("%-14s %10.2f %10.1f\n", argv[d], best * 1e3,
		    (double)peak / 1024.0);
	}
	printf("%-14s %10.2f\n", "sum of singles", total * 1e3);
	remove_dir(outdir);
	return 0;
}

