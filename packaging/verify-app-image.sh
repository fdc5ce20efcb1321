#!/usr/bin/env bash
# Builds the Linux application image with the Maven profile `package` (tests skipped: run this after
# `mvn -B verify`) and proves that its launcher runs the command-line interface:
#
#   target/jpackage/support-desk/bin/support-desk --version              -> "Support Desk <version>"
#   target/jpackage/support-desk/bin/support-desk sla --severity 1 --received 2026-12-24T17:30:00Z
#                                                                        -> 2026-12-29T09:30:00Z
#
# Needs only the JDK 17 that runs Maven (jlink + jpackage; no fakeroot/dpkg: the .deb is not built).
# Overrides, for trying the script out:
#   SD_VERIFY_ARGS="sla --help"   arguments of the second check (default: the S1 Christmas example)
#   SD_VERIFY_EXPECT="Usage: support-desk sla"  a line its stdout must contain, exactly
#   SD_VERIFY_SKIP_BUILD=1        reuse the image already in target/jpackage
set -euo pipefail
cd "$(dirname "$0")/.."

# Every OS's argfiles name resource directories (jpackage's overrides: the .deb's menu entry, the .msi's
# main.wxs/overrides.wxi, the .app's Info.plist); only Linux is built here, so check the others exist at all.
for argfile in packaging/*/*.args; do
    while read -r dir; do
        [ -d "$dir" ] || { echo "verify-app-image: FAILED: $argfile names --resource-dir $dir, which is missing" >&2; exit 1; }
    done < <(sed -n 's/^--resource-dir[[:space:]]\{1,\}//p' "$argfile")
done

launcher="target/jpackage/support-desk/bin/support-desk"
args="${SD_VERIFY_ARGS:-sla --severity 1 --received 2026-12-24T17:30:00Z}"
expect="${SD_VERIFY_EXPECT:-2026-12-29T09:30:00Z}"

if [ "${SD_VERIFY_SKIP_BUILD:-0}" != 1 ]; then
    start=$SECONDS
    log="$(mktemp)"
    if ! mvn -B -q -Ppackage package -DskipTests -Dpackage.deb=false >"$log" 2>&1; then
        echo "verify-app-image: FAILED: mvn -Ppackage package" >&2
        tail -n 60 "$log" >&2
        exit 1
    fi
    rm -f "$log"
    echo "verify-app-image: app image built in $((SECONDS - start)) s ($(du -sh target/jpackage/support-desk | cut -f1))"
fi
[ -x "$launcher" ] || { echo "verify-app-image: FAILED: no launcher at $launcher" >&2; exit 1; }

out="$(mktemp)"; err="$(mktemp)"
trap 'rm -f "$out" "$err"' EXIT

# run <args...>: the launcher, headless (no DISPLAY: a subcommand must never open the window),
# bounded in time; stdout -> $out, stderr -> $err, exit status -> $status
run() {
    status=0
    env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 "$launcher" "$@" >"$out" 2>"$err" </dev/null || status=$?
}
fail() {
    echo "verify-app-image: FAILED: $launcher $1" >&2
    echo "--- exit status: $status" >&2
    echo "--- stdout:" >&2; cat "$out" >&2
    echo "--- stderr:" >&2; cat "$err" >&2
    exit 1
}

run --version
{ [ "$status" = 0 ] && grep -q '^Support Desk ' "$out"; } || fail "--version (expected 'Support Desk <version>')"
echo "verify-app-image: $launcher --version -> $(head -1 "$out")"

# shellcheck disable=SC2086  # the arguments are split on purpose
run $args
{ [ "$status" = 0 ] && tr -d '\r' <"$out" | grep -qxF -- "$expect"; } || fail "$args (expected the line '$expect')"
echo "verify-app-image: $launcher $args -> $expect"
echo "verify-app-image: OK"
