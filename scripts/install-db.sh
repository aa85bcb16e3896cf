#!/usr/bin/env bash
# The default database's system parts: PostgreSQL 15 with the DocumentDB extension (the engine
# under FerretDB 2) and what DocumentDB needs. Run by `npm install` (postinstall), the first
# `npm start` and `npm test` (pretest). Nothing to do when MONGODB_URI is set.
#
# - Debian packages, with apt-get when missing: postgresql-15, postgresql-15-rum,
#   postgresql-15-postgis-3, libpcre2-8-0 (NOT postgresql-15-cron: too old for DocumentDB).
# - DocumentDB 0.107-0, pgvector 0.8.0 and pg_cron 1.6.3 (.so, .control, .sql) copied from
#   ../shared/vendor/documentdb (or $DOCUMENTDB_VENDOR_DIR) into PostgreSQL's folders when a file
#   there is missing or differs (compared byte for byte), so running it again changes nothing. Without
#   that folder, the DocumentDB project's Debian 12 package is fetched from its GitHub release.
# Usage: install-db.sh [--strict]   (--strict: exit 1 when something is missing and cannot be installed)
set -euo pipefail
strict=0
[ "${1:-}" = "--strict" ] && strict=1
if [ -n "${MONGODB_URI:-}" ]; then
  exit 0
fi
here="$(cd "$(dirname "$0")" && pwd)"
vendor="${DOCUMENTDB_VENDOR_DIR:-$(cd "$here/../.." && pwd)/shared/vendor/documentdb}"
pgbin=/usr/lib/postgresql/15/bin
is_root=0
[ "$(id -u)" -eq 0 ] && is_root=1

give_up() {
  echo "[db] $*" >&2
  echo "[db] Alternatively set MONGODB_URI to use your own MongoDB (or FerretDB) server; then none of this is needed." >&2
  exit $strict
}

# 1. Debian packages.
need=()
[ -x "$pgbin/postgres" ] && [ -x "$pgbin/initdb" ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/rum.control ] || need+=(postgresql-15-rum)
ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1 || need+=(postgresql-15-postgis-3)
{ command -v ldconfig >/dev/null && ldconfig -p 2>/dev/null | grep -q 'libpcre2-8.so.0'; } || ls /usr/lib/*/libpcre2-8.so.0 >/dev/null 2>&1 || need+=(libpcre2-8-0)
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    give_up "missing: PostgreSQL 15 with the packages ${need[*]} (Debian names). This machine has no apt-get: install PostgreSQL 15, PostGIS 3 and RUM for it with your system's package manager (binaries expected in $pgbin)."
  fi
  if [ $is_root -ne 1 ]; then
    give_up "missing system packages: ${need[*]}. Install them with: sudo apt-get install -y --no-install-recommends ${need[*]}"
  fi
  echo "[db] installing ${need[*]} with apt-get (PostgreSQL 15 for the default database; ~70 packages the first time)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  echo "[db] installed ${need[*]}"
fi

# 2. DocumentDB, pgvector and pg_cron files.
pkglib="$("$pgbin/pg_config" --pkglibdir)"
extdir="$("$pgbin/pg_config" --sharedir)/extension"
if [ ! -d "$vendor/lib" ] || [ ! -d "$vendor/extension" ]; then
  if [ -f "$pkglib/pg_documentdb.so" ] && [ -f "$extdir/documentdb.control" ]; then
    exit 0 # installed some other way (e.g. the DocumentDB project's Debian packages)
  fi
  # No vendored build: try the DocumentDB project's own Debian 12 package from its GitHub release
  # (apt resolves its dependencies); when that cannot be fetched or installed, say what to do.
  if [ $is_root -eq 1 ] && command -v apt-get >/dev/null 2>&1 && command -v curl >/dev/null 2>&1; then
    deb="deb12-postgresql-15-documentdb_0.107-0_$(dpkg --print-architecture).deb"
    url="https://github.com/documentdb/documentdb/releases/download/v0.107-0/$deb"
    echo "[db] no vendored DocumentDB in $vendor: fetching the DocumentDB project's package $url"
    tmp="$(mktemp -d)"
    if curl -fsSL --retry 2 --max-time 300 -o "$tmp/$deb" "$url" && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tmp/$deb" >/dev/null; then
      rm -rf "$tmp"
      echo "[db] installed DocumentDB 0.107-0 from $deb"
      exit 0
    fi
    rm -rf "$tmp"
    echo "[db] could not fetch or install $deb" >&2
  fi
  give_up "the DocumentDB extension for PostgreSQL 15 is not installed and its files are not in $vendor.
[db] Install the DocumentDB project's Debian packages for PostgreSQL 15 (https://github.com/documentdb/documentdb/releases:
[db] postgresql-15-documentdb, version 0.107 as FerretDB 2.7 requires, with pgvector and pg_cron 1.6),
[db] or point DOCUMENTDB_VENDOR_DIR at a folder with lib/*.so and extension/* built for PostgreSQL 15."
fi
stale=()
for f in "$vendor"/lib/*.so; do
  t="$pkglib/$(basename "$f")"
  [ -f "$t" ] && cmp -s "$f" "$t" || stale+=("$f:$pkglib")
done
for f in "$vendor"/extension/*; do
  t="$extdir/$(basename "$f")"
  [ -f "$t" ] && cmp -s "$f" "$t" || stale+=("$f:$extdir")
done
if [ ${#stale[@]} -eq 0 ]; then
  exit 0
fi
if [ $is_root -ne 1 ]; then
  give_up "the DocumentDB extension files (${#stale[@]} of them) are not installed in PostgreSQL's folders. Install them with:
  sudo cp $vendor/lib/*.so $pkglib/ && sudo cp $vendor/extension/* $extdir/"
fi
for s in "${stale[@]}"; do
  install -m 0644 "${s%%:*}" "${s##*:}/"
done
echo "[db] installed DocumentDB 0.107-0, pgvector 0.8.0 and pg_cron 1.6.3 (${#stale[@]} files) from $vendor into $pkglib and $extdir"
