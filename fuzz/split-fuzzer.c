/*
 * libFuzzer target: the input as a script, cut into statements as each
 * client would (sqlgen split): SQL*Plus, db2 -td/, sqlcmd, mysql, psql
 * and H2.  Each statement must be a span of the input, as "split"
 * prints it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "diag.h"
#include "fuzz-common.h"
#include "split.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum sg_client	clients[] = { SG_CLIENT_SQLPLUS,
	    SG_CLIENT_DB2CLP, SG_CLIENT_SQLCMD, SG_CLIENT_MYSQL,
	    SG_CLIENT_PSQL, SG_CLIENT_H2 };
	struct sg_dialect		d;
	struct sg_source		src = { .name = "fuzz.sql",
	    .text = (const char *)data, .len = size };
	struct sg_split_result		res;
	struct sg_diag			diag;
	const struct sg_split_stmt	*st;
	size_t				i, k;

	/* Each client, then the migration client for Oracle and the rest. */
	for (i = 0; i < sizeof clients / sizeof clients[0] + 2; i++) {
		memset(&d, 0, sizeof d);
		d.name = "fuzz";
		d.client = i < sizeof clients / sizeof clients[0] ?
		    clients[i] : SG_CLIENT_SQLPLUS;
		d.mc_delimiter = i % 2 == 0 ? "/" : ";";
		fuzz_diag(&diag);
		sg_split_runner(&d, i < sizeof clients / sizeof clients[0] ?
		    SG_RUNNER_NATIVE : SG_RUNNER_MIGRATION_CLIENT, &src, &res,
		    &diag);
		sg_diag_flush(&diag);
		for (k = 0; k < res.nstmts; k++) {
			st = &res.stmts[k];
			if (st->off > size || st->len > size - st->off ||
			    st->again > res.nstmts || st->len > INT32_MAX)
				abort();
		}
		sg_split_result_free(&res);
	}
	return 0;
}
