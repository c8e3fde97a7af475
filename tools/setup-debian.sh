#!/bin/sh
# Installs what sqlgen needs to build and test on a fresh Debian 12: the
# toolchain and libraries, valgrind, and the PostgreSQL, MariaDB and H2
# that tests/db.sh runs the generated scripts on (a JDK, not only a
# JRE: the vendor's H2 steps that tests/steps.sh runs compile Java
# aliases, and tests/migclient.sh compiles its twin of WSO2's migration
# client, which reaches PostgreSQL and MariaDB through their JDBC
# drivers), and the headless Chromium (with a font) that tests/review.sh
# opens review pages in.  Asks apt only for
# packages that are missing, so a second run is quick and silent; uses
# sudo only when not root.  The README and .ci/run call it.
set -eu

packages="build-essential autoconf automake pkg-config flex bison
    libyaml-dev libpcre2-dev libcmocka-dev libminizip-dev nettle-dev
    valgrind unzip
    postgresql postgresql-contrib mariadb-server mariadb-client
    libh2-java default-jdk-headless libpostgresql-jdbc-java libmariadb-java
    chromium fonts-dejavu-core"

missing=
for p in $packages; do
	dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null |
	    grep -q ' installed$' || missing="$missing $p"
done
[ -n "$missing" ] || exit 0

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "setup-debian: installing$missing"
# apt and dpkg talk a lot even with -qq; their words are kept for a
# failure.  The first apt run on a fresh machine knows no package lists,
# hence the update.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -qq -y \
    --no-install-recommends -o Dpkg::Use-Pty=0 $missing; } >"$log" 2>&1
then
	cat "$log" >&2
	echo "setup-debian: apt-get failed" >&2
	exit 1
fi
