#!/usr/bin/env bash
# The one test command: installs what the tests use from Debian's packages when missing, starts
# Open vSwitch's daemons (userspace datapath, no kernel module), then runs every test of the
# solution in a Release build. Redis servers are started by the tests themselves on free ports.
set -euo pipefail
cd "$(dirname "$0")"

packages=(redis-server libvirt0 libvirt-clients openvswitch-switch chromium ethtool iproute2 tshark pmacct python3 iputils-ping curl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -q >/dev/null
  $sudo_cmd apt-get install -y -q "${missing[@]}" >/dev/null
fi

if [ "$(id -u)" -eq 0 ]; then
  lab/ovs-start.sh
else
  echo "test.sh: not root; Open vSwitch lab tests will report that they need root" >&2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test SdnDashboard.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for the whole run, summed over the test assemblies vstest reported
# (its per-assembly block: "Total tests: N", "Passed: N", "Failed: N", "Skipped: N").
awk '
  /^ *Total tests: +[0-9]+/ { seen = 1 }
  /^ +Passed: +[0-9]+ *$/  { p += $2 }
  /^ +Failed: +[0-9]+ *$/  { f += $2 }
  /^ +Skipped: +[0-9]+ *$/ { s += $2 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (!seen || p + f == 0) exit 1 }
' "$log" || { echo "test.sh: no test ran" >&2; exit 1; }

# A failure scrolls far up in a long run; repeat each failed test's name and error message last, where a
# reader of the log's tail (a CI page) sees them.
awk '
  /^ +Failed [A-Za-z]/ { shown++; printing = (shown <= 10); n = 0; if (printing) print "test.sh: FAILED" substr($0, index($0, "Failed") + 6); next }
  /^ +Stack Trace:/ || /^ +Standard (Output|Error) Messages:/ { printing = 0 }
  printing && n < 12 { print "   " $0; n++ }
' "$log" >&2
exit "$status"
