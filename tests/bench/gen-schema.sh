#!/bin/sh
# Writes a DSL schema of N tables (default 1000) shaped like WSO2's:
# an identity key, a tenant, names, a timestamp, a blob, a foreign key
# to an earlier table with ON DELETE CASCADE, and two indexes per table.
n=${1:-1000}
awk -v n="$n" 'BEGIN {
	for (i = 1; i <= n; i++) {
		printf "-- table %d of %d\n", i, n
		printf "create table if not exists BENCH_TABLE_%04d (\n", i
		printf "    ID               integer identity,\n"
		printf "    TENANT_ID        integer default -1234 not null,\n"
		printf "    NAME             varchar(255) not null,\n"
		printf "    DESCRIPTION      varchar(1024) [h2: varchar(2048)],\n"
		printf "    STATE            char(1) default %c0%c,\n", 39, 39
		printf "    ENABLED          boolean default true,\n"
		printf "    CREATED          timestamp default current_timestamp,\n"
		printf "    CONTENT          blob,\n"
		if (i > 1)
			printf "    PARENT_ID        integer,\n"
		printf "    primary key (ID),\n"
		if (i > 1)
			printf "    foreign key (PARENT_ID) references BENCH_TABLE_%04d (ID) on delete cascade,\n", int(i / 2)
		printf "    unique (TENANT_ID, NAME)\n"
		printf ");\n\n"
		printf "create index if not exists IDX_BT%04d_NAME on BENCH_TABLE_%04d (NAME);\n", i, i
		printf "create index if not exists IDX_BT%04d_CREATED on BENCH_TABLE_%04d (CREATED, TENANT_ID);\n\n", i, i
	}
}'
