# Helpers for the bench/ scripts. Source it; it defines functions only.
# REPO defaults to the folder above this file.
: "${REPO:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCH_VENV="$REPO/.venv-bench"

# bench_venv SPEC... : create or reuse $REPO/.venv-bench, pip-install the
# requirement specs (e.g. huey==3.5.4) that it does not already satisfy, and
# echo the venv's python. Usage: PY=$(bench_venv huey==3.5.4)
bench_venv() {
  local py="$BENCH_VENV/bin/python"
  mkdir -p "$BENCH_VENV"
  (
    # Two bench scripts starting at once must not build the venv twice.
    flock 9
    [ -x "$py" ] || python3 -m venv "$BENCH_VENV" >&2
    # Ask the venv which specs it lacks, so a warm run costs no pip call.
    local missing
    missing=$("$py" - "$@" <<'EOF'
import sys
from importlib.metadata import version, PackageNotFoundError
from pip._vendor.packaging.requirements import Requirement
for spec in sys.argv[1:]:
    req = Requirement(spec)
    try:
        ok = req.specifier.contains(version(req.name), prereleases=True)
    except PackageNotFoundError:
        ok = False
    if not ok:
        print(spec)
EOF
    )
    if [ -n "$missing" ]; then
      # shellcheck disable=SC2086  # one spec per line, none has spaces
      "$py" -m pip install -q --disable-pip-version-check $missing >&2
    fi
  ) 9>"$BENCH_VENV/.lock"
  echo "$py"
}

# bench_scale_pick FULL SMALL : SMALL when BENCH_SCALE=small, else FULL.
bench_scale_pick() {
  if [ "${BENCH_SCALE:-}" = small ]; then echo "$2"; else echo "$1"; fi
}

# bench_build_release : build steward-bench in release mode (build output goes
# to stderr) and echo the binary's path.
bench_build_release() {
  (
    cd "$REPO"
    swift build -c release --product steward-bench -q >&2
    echo "$(swift build -c release --show-bin-path)/steward-bench"
  )
}

# bench_json_get FILE KEY : print the numeric field KEY of the last JSON
# object line in FILE (tools may log other lines before it); fails loudly.
bench_json_get() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
path, key = sys.argv[1:]
lines = [l for l in open(path) if l.lstrip().startswith('{')]
if not lines:
    sys.exit('bench_json_get: no JSON object line in %s' % path)
value = json.loads(lines[-1]).get(key)
if isinstance(value, bool) or not isinstance(value, (int, float)):
    sys.exit('bench_json_get: %s: %r is not a number in %s' % (key, value, path))
print(value)
EOF
}
