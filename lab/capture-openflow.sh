#!/usr/bin/env bash
# Captures OpenFlow between a real Open vSwitch and a controller on the loopback interface, once over OpenFlow 1.3
# and once over 1.0, and writes the pcaps plus tshark's reading of every message as the golden expectations.
#   serve: our controller (OpenFlowBench's serve mode: our server with a learning switch, flow-stats polled every
#          second): Dashboard.Tests/TestData/openflow/ovs-of13.pcap, ovs-of13.tshark.tsv (and of10).
#   stats: os-ken running lab/openflow_stats_app.py (flows removed by hard/idle timeout and by a delete; desc,
#          aggregate, table, port and flow statistics): ovs-stats-of13.pcap, ovs-stats-of13.tshark.tsv (and of10).
# Usage: lab/capture-openflow.sh [serve|stats] (both when no argument).
# Needs root, Open vSwitch (lab/ovs-start.sh), tshark, iputils-ping, python3-os-ken. Uses only ofbr*/of-*/ofv* names.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
out=Dashboard.Tests/TestData/openflow
mkdir -p "$out"
lab/ovs-start.sh

br=ofbrcap
cleanup() {
  ovs-vsctl --if-exists del-br $br
  for i in 1 2; do ip netns del of-cap-h$i 2>/dev/null || true; done
  [ -n "${ctl:-}" ] && kill "$ctl" 2>/dev/null || true
  [ -n "${cap:-}" ] && kill "$cap" 2>/dev/null || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Bridge $br for protocol $1 with two namespace hosts on ports 1 and 2, switch pointed at controller port $2.
make_bridge() {
  ovs-vsctl add-br $br -- set bridge $br datapath_type=netdev protocols=$1 fail-mode=secure \
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
  ovs-vsctl set-controller $br tcp:127.0.0.1:$2
}

# Stops the controller and the capture, copies the pcap of capture $1 into the test data.
finish_capture() {
  ovs-vsctl del-controller $br
  sleep 1
  kill "$ctl"; wait "$ctl" 2>/dev/null || true
  kill "$cap"; wait "$cap" 2>/dev/null || true
  ctl="" cap=""
  cp "/tmp/ovs-$1.pcap" "$out/ovs-$1.pcap"
  chmod 644 "$out/ovs-$1.pcap"
}

# tshark's reading of capture $1 (controller port $2, display filter $3, several values of a column joined by $4)
# for the fields that follow: a comment line, the field names, then one line per TCP segment carrying OpenFlow.
write_tsv() {
  local tag=$1 port=$2 filter=$3 aggregator=$4
  shift 4
  {
    echo "# tshark $(tshark --version | head -1 | awk '{print $3}') -d tcp.port==$port,openflow -Y $filter; controller port $port"
    (IFS=$'\t'; echo "$*")
    tshark -r "$out/ovs-$tag.pcap" -d "tcp.port==$port,openflow" -Y "$filter" -T fields $(printf -- '-e %s ' "$@") \
      -E separator=/t -E "aggregator=$aggregator"
  } >"$out/ovs-$tag.tshark.tsv"
}

[ "$what" = stats ] || { dotnet build bench/OpenFlowBench -c Release -v q -nologo >/dev/null; bench=bench/OpenFlowBench/bin/Release/net10.0/OpenFlowBench.dll; }
for proto in OpenFlow13 OpenFlow10; do
  [ "$what" = stats ] && break
  tag=$([ $proto = OpenFlow13 ] && echo of13 || echo of10)
  port=$(free_port)
  cleanup
  ctl="" cap=""
  tshark -q -i lo -f "tcp port $port" -F pcap -w "/tmp/ovs-$tag.pcap" 2>/dev/null & cap=$!
  sleep 2
  dotnet "$bench" serve --port "$port" --stats-interval 1 >/tmp/capture-controller.log 2>&1 & ctl=$!
  sleep 2
  make_bridge $proto "$port"
  sleep 3
  ip netns exec of-cap-h1 ping -c 3 -i 0.3 -W 2 10.99.0.2 >/dev/null
  sleep 2.5
  ip link set ofvcap2 down   # a port-status message
  sleep 1.5
  finish_capture "$tag"
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
  write_tsv "$tag" "$port" $filter , "${fields[@]}"
  echo "capture: $out/ovs-$tag.pcap ($(wc -l <"$out/ovs-$tag.tshark.tsv") segments with OpenFlow)"
done

for proto in OpenFlow13 OpenFlow10; do
  [ "$what" = serve ] && break
  tag=stats-$([ $proto = OpenFlow13 ] && echo of13 || echo of10)
  port=$(free_port)
  cleanup
  ctl="" cap=""
  tshark -q -i lo -f "tcp port $port" -F pcap -w "/tmp/ovs-$tag.pcap" 2>/dev/null & cap=$!
  sleep 2
  /usr/bin/python3 /usr/bin/osken-manager --ofp-listen-host 127.0.0.1 --ofp-tcp-listen-port "$port" lab/openflow_stats_app.py \
    >/tmp/capture-osken.log 2>&1 & ctl=$!
  # os-ken takes seconds to start on a loaded machine; a refused first connection would be one more stream.
  for _ in $(seq 60); do ss -ltn "sport = :$port" | grep -q LISTEN && break; sleep 0.5; done
  make_bridge $proto "$port"
  sleep 1
  ip netns exec of-cap-h1 ping -c 3 -i 0.3 -W 1 10.99.0.2 >/dev/null || { echo "ping between the namespaces failed" >&2; exit 1; }
  sleep 8      # the app's second round of requests goes out about 7.5 s after the switch connects
  grep -q 'requests sent' /tmp/capture-osken.log || { cat /tmp/capture-osken.log; echo "os-ken app did not finish" >&2; exit 1; }
  finish_capture "$tag"
  # One line per TCP segment carrying OpenFlow of the capture's version: the source port, then for every message
  # in the segment the fields named in the header line; several values in a column are in message order, joined
  # by '|' (the switch description holds commas).
  if [ $proto = OpenFlow13 ]; then
    filter=openflow_v4
    fields=(tcp.srcport openflow_v4.version openflow_v4.type openflow_v4.xid openflow_v4.length
      openflow_v4.multipart_request.type openflow_v4.multipart_reply.type openflow_v4.multipart_reply.flags
      openflow_v4.flow_removed.cookie openflow_v4.flow_removed.priority openflow_v4.flow_removed.reason openflow_v4.flow_removed.table_id
      openflow_v4.flow_removed.duration_sec openflow_v4.flow_removed.duration_nsec openflow_v4.flow_removed.idle_timeout
      openflow_v4.flow_removed.hard_timeout openflow_v4.flow_removed.packet_count openflow_v4.flow_removed.byte_count
      openflow_v4.switch_description.mfr_desc openflow_v4.switch_description.hw_desc openflow_v4.switch_description.sw_desc
      openflow_v4.switch_description.serial_num openflow_v4.switch_description.dp_desc
      openflow_v4.aggregate_stats_request.table_id openflow_v4.aggregate_stats_request.out_port openflow_v4.aggregate_stats_request.out_group
      openflow_v4.aggregate_stats_request.cookie openflow_v4.aggregate_stats_request.cookie_mask
      openflow_v4.aggregate_stats.packet_count openflow_v4.aggregate_stats.byte_count openflow_v4.aggregate_stats.flow_count
      openflow_v4.table_stats.table_id openflow_v4.table_stats.active_count openflow_v4.table_stats.lookup_count openflow_v4.table_stats.match_count
      openflow_v4.port_stats_request.port_no openflow_v4.port_stats.port_no openflow_v4.port_stats.rx_packets openflow_v4.port_stats.tx_packets
      openflow_v4.port_stats.rx_bytes openflow_v4.port_stats.tx_bytes openflow_v4.port_stats.rx_dropped openflow_v4.port_stats.tx_dropped
      openflow_v4.port_stats.rx_errors openflow_v4.port_stats.tx_errors openflow_v4.port_stats.rx_frame_error
      openflow_v4.port_stats.rx_over_error openflow_v4.port_stats.rx_crc_error openflow_v4.port_stats.collisions
      openflow_v4.port_stats.duration_sec openflow_v4.port_stats.duration_nsec)
  else
    filter=openflow_v1
    # tshark 4.0 does not dissect 1.0 flow-removed or statistics bodies: os-ken's reading below covers those.
    fields=(tcp.srcport openflow.version openflow_1_0.type openflow.xid openflow.length openflow.stats.type openflow.flags)
  fi
  write_tsv "$tag" "$port" $filter '|' "${fields[@]}"
  /usr/bin/python3 lab/openflow_osken_fields.py "$out/ovs-$tag.pcap" "$port" >"$out/ovs-$tag.osken.tsv"
  echo "capture: $out/ovs-$tag.pcap ($(wc -l <"$out/ovs-$tag.tshark.tsv") segments with OpenFlow)"
done
