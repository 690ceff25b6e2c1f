#!/usr/bin/env bash
# Starts Open vSwitch's ovsdb-server and ovs-vswitchd for the userspace (netdev) datapath when they are
# not running yet. Needs root. Safe to run twice.
set -euo pipefail
export PATH=$PATH:/usr/share/openvswitch/scripts
if ovs-vsctl --timeout=2 show >/dev/null 2>&1; then
  exit 0
fi
ovs-ctl --no-ovs-vswitchd start >/dev/null 2>&1 || ovs-ctl --no-ovs-vswitchd start
ovs-ctl --no-ovsdb-server --no-monitor --system-id=random start >/dev/null 2>&1 \
  || ovs-ctl --no-ovsdb-server --no-monitor --system-id=random start
ovs-vsctl --timeout=5 show >/dev/null
echo "lab: Open vSwitch running ($(ovs-vswitchd --version | head -1))"
