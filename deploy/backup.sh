#!/usr/bin/env bash
# Nightly backup (congphuong-backup.timer, docs/deploy.md "Sao lưu"): one directory per run with
# the PostgreSQL dump, the media files and SHA256SUMS; runs older than BACKUP_KEEP_DAYS are removed.
# Reads the same environment as the app (/etc/congphuong/env): DATABASE_URL, MEDIA_ROOT or VAR_DIR,
# PRIVATE_MEDIA_ROOT. Restore: docs/deploy.md.
set -euo pipefail
DEST=${BACKUP_DIR:-/var/backups/congphuong}
KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
VAR=${VAR_DIR:-/var/lib/congphuong}
MEDIA=${MEDIA_ROOT:-$VAR/media}
PRIVATE=${PRIVATE_MEDIA_ROOT:-$VAR/private}
: "${DATABASE_URL:?DATABASE_URL is required}"
case "$DATABASE_URL" in postgres*) ;; *)
  echo "backup.sh: only PostgreSQL (DATABASE_URL=postgres://…) is supported" >&2
  exit 2
  ;;
esac

umask 077 # the dump holds citizens' personal data
run="$DEST/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run.partial"
pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$run.partial/database.dump"
for dir in "$MEDIA" "$PRIVATE"; do
  [ -d "$dir" ] || continue
  tar -C "$(dirname "$dir")" -czf "$run.partial/$(basename "$dir").tar.gz" "$(basename "$dir")"
done
(cd "$run.partial" && sha256sum -- * >SHA256SUMS)
mv "$run.partial" "$run" # a run directory without .partial is complete
find "$DEST" -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime +"$KEEP_DAYS" -exec rm -rf {} +
echo "backup: $run"
