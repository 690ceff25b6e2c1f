#!/usr/bin/env bash
# Captures OpenFlow between a real Open vSwitch and our controller (OpenFlowBench's serve mode: our server with
# a learning switch, flow-stats polled every second) on the loopback interface, once over OpenFlow 1.3 and once
# over 1.0, and writes the pcaps plus tshark's reading of every message as the golden expectations:
#   Dashboard.Tests/TestData/openflow/ovs-of13.pcap, ovs-of13.tshark.tsv (and of10).
# Needs root, Open vSwitch (lab/ovs-start.sh), tshark, iputils-ping. Uses only ofbr*/of-*/ofv* names.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Dashboard.Tests/TestData/openflow
mkdir -p "$out"
lab/ovs-start.sh
dotnet build bench/OpenFlowBench -c Release -v q -nologo >/dev/null
bench=bench/OpenFlowBench/bin/Release/net10.0/OpenFlowBench.dll

br=ofbrcap
cleanup() {
  ovs-vsctl --if-exists del-br $br
  for i in 1 2; do ip netns del of-cap-h$i 2>/dev/null || true; done
  [ -n "${ctl:-}" ] && kill "$ctl" 2>/dev/null || true
  [ -n "${cap:-}" ] && kill "$cap" 2>/dev/null || true
}
trap cleanup EXIT

for proto in OpenFlow13 OpenFlow10; do
  tag=$([ $proto = OpenFlow13 ] && echo of13 || echo of10)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cleanup
  ctl="" cap=""
  tshark -q -i lo -f "tcp port $port" -F pcap -w "/tmp/ovs-$tag.pcap" 2>/dev/null & cap=$!
  sleep 2
  dotnet "$bench" serve --port "$port" --stats-interval 1 >/tmp/capture-controller.log 2>&1 & ctl=$!
  sleep 2
  ovs-vsctl add-br $br -- set bridge $br datapath_type=netdev protocols=$proto fail-mode=secure \
    other-config:datapath-id=0000000000c0ffee
  for i in 1 2; do
    ip netns add of-cap-h$i
    ip link add ofvcap$i type veth peer name eth0 netns of-cap-h$i
    ip link set ofvcap$i up
    ovs-vsctl add-port $br ofvcap$i -- set interface ofvcap$i ofport_request=$i
    ip netns exec of-cap-h$i ip link set eth0 address 52:54:00:0c:00:0$i
    ip netns exec of-cap-h$i ip addr add 10.99.0.$i/24 dev eth0
    ip netns exec of-cap-h$i ip link set eth0 up
    ip netns exec of-cap-h$i ethtool -K eth0 tx off >/dev/null
    ethtool -K ofvcap$i tx off >/dev/null
  done
  ovs-vsctl set-controller $br tcp:127.0.0.1:$port
  sleep 3
  ip netns exec of-cap-h1 ping -c 3 -i 0.3 -W 2 10.99.0.2 >/dev/null
  sleep 2.5
  ip link set ofvcap2 down   # a port-status message
  sleep 1.5
  ovs-vsctl del-controller $br
  sleep 1
  kill "$ctl"; wait "$ctl" 2>/dev/null || true
  kill "$cap"; wait "$cap" 2>/dev/null || true
  ctl="" cap=""
  cp "/tmp/ovs-$tag.pcap" "$out/ovs-$tag.pcap"
  # One line per TCP segment carrying OpenFlow of the capture's version (the controller's first hello is 1.3 in
  # both): source port, then for every message in the segment version, type, xid, length, and the flow-mod and
  # packet-in fields named in the header line; several values in a column are in message order.
  if [ $proto = OpenFlow13 ]; then
    filter=openflow_v4
    fields=(tcp.srcport openflow_v4.version openflow_v4.type openflow_v4.xid openflow_v4.length openflow_v4.flowmod.priority
      openflow_v4.flowmod.idle_timeout openflow_v4.flowmod.buffer_id openflow_v4.packet_in.buffer_id openflow_v4.packet_in.total_len)
  else
    filter=openflow_v1
    fields=(tcp.srcport openflow.version openflow_1_0.type openflow.xid openflow.length openflow.priority openflow.idle_timeout
      openflow.buffer_id openflow.total_len openflow.in_port)
  fi
  {
    echo "# tshark $(tshark --version | head -1 | awk '{print $3}') -d tcp.port==$port,openflow -Y $filter; controller port $port"
    (IFS=$'\t'; echo "${fields[*]}")
    tshark -r "$out/ovs-$tag.pcap" -d "tcp.port==$port,openflow" -Y $filter -T fields $(printf -- '-e %s ' "${fields[@]}") \
      -E separator=/t -E aggregator=,
  } >"$out/ovs-$tag.tshark.tsv"
  echo "capture: $out/ovs-$tag.pcap ($(wc -l <"$out/ovs-$tag.tshark.tsv") segments with OpenFlow)"
done
