#!/usr/bin/env bash
# The one test command: installs what the tests use from Debian's packages when missing, starts
# Open vSwitch's daemons (userspace datapath, no kernel module), then runs every test of the
# solution in a Release build. Redis servers are started by the tests themselves on free ports.
set -euo pipefail
cd "$(dirname "$0")"

packages=(redis-server libvirt0 libvirt-clients openvswitch-switch chromium ethtool iproute2 tshark pmacct iputils-ping)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -q >/dev/null
  $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
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

# One plain closing line for the whole run, summed over the test assemblies vstest reported.
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
    seen = 1
  }
  END { if (seen) printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; else print "tests: 0 passed, 0 failed" }
' "$log"
if ! grep -Eq '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[1-9]' "$log"; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
