#!/usr/bin/env bash
# Re-makes the sFlow captures under Dashboard.Tests/TestData/sflow/ from a real Open vSwitch:
# a netdev-datapath bridge, two network namespaces as "VMs", sFlow exported to loopback on a
# non-default port, ICMP + TCP + UDP between the namespaces, captured with dumpcap on lo and on any,
# then tshark's own decode written beside each capture. Needs root. Usage: lab/capture-sflow.sh [outdir]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Dashboard.Tests/TestData/sflow}
port=${SFLOW_CAPTURE_PORT:-16343}
br=sfbr-cap
mkdir -p "$out"
lab/ovs-start.sh >/dev/null

cleanup() {
  [ -n "${cap_pids:-}" ] && kill $cap_pids 2>/dev/null || true
  ovs-vsctl --if-exists del-br "$br"
  ip netns del sf-capa 2>/dev/null || true
  ip netns del sf-capb 2>/dev/null || true
}
trap cleanup EXIT
cleanup

ovs-vsctl add-br "$br" -- set bridge "$br" datapath_type=netdev
ip link set "$br" up
i=0
for ns in sf-capa sf-capb; do
  i=$((i + 1))
  ip netns add "$ns"
  ip link add "sfvcap$i" type veth peer name eth0 netns "$ns"
  ip link set "sfvcap$i" up
  ovs-vsctl add-port "$br" "sfvcap$i"
  ip netns exec "$ns" ip link set eth0 address "52:54:00:5f:00:0$i"
  ip netns exec "$ns" ip addr add "10.77.0.$i/24" dev eth0
  ip netns exec "$ns" ip -6 addr add "fd77::$i/64" dev eth0 nodad
  ip netns exec "$ns" ip link set eth0 up
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" ethtool -K eth0 tx off >/dev/null
  ethtool -K "sfvcap$i" tx off >/dev/null
done

# One export over IPv4 loopback and one over IPv6 loopback, both from the same agent.
ovs-vsctl -- --id=@s create sflow agent=lo "target=[\"127.0.0.1:$port\",\"[::1]:$((port + 1))\"]" \
  header=128 sampling=1 polling=1 -- set bridge "$br" sflow=@s

rm -f "$out"/ovs-*
dumpcap -q -i lo -f "udp port $port or udp port $((port + 1))" -P -w "$out/ovs-lo.pcap" 2>/dev/null & cap_pids="$!"
dumpcap -q -i lo -f "udp port $port or udp port $((port + 1))" -w "$out/ovs-lo.pcapng" 2>/dev/null & cap_pids="$cap_pids $!"
dumpcap -q -i any -f "udp port $port" -w "$out/ovs-any.pcapng" 2>/dev/null & cap_pids="$cap_pids $!"
dumpcap -q -i any -y LINUX_SLL2 -f "udp port $port" -w "$out/ovs-any-sll2.pcapng" 2>/dev/null & cap_pids="$cap_pids $!"
sleep 2

py=/usr/bin/python3
# ICMP echo (no ping binary needed): three v4 and two v6 requests from a to b, answered by b's kernel.
ip netns exec sf-capa $py -c '
import socket, struct, time
def csum(b):
    b += b"\0" * (len(b) % 2); s = sum(struct.unpack("!%dH" % (len(b) // 2), b)); s = (s >> 16) + (s & 0xffff); return ~(s + (s >> 16)) & 0xffff
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
for i in range(3):
    h = struct.pack("!BBHHH", 8, 0, 0, 7, i) + b"p" * 56; s.sendto(h[:2] + struct.pack("!H", csum(h)) + h[4:], ("10.77.0.2", 0)); time.sleep(0.2)
s6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
for i in range(2):
    s6.sendto(struct.pack("!BBHHH", 128, 0, 0, 7, i) + b"q" * 56, ("fd77::2", 0)); time.sleep(0.2)
'
# TCP: 64 KiB from a to b; UDP: 20 datagrams of 300 bytes from b to a.
ip netns exec sf-capb $py -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("10.77.0.2", 5001)); s.listen(1)
c, _ = s.accept()
while c.recv(65536): pass
' &
srv=$!
sleep 0.5
ip netns exec sf-capa $py -c '
import socket
s = socket.create_connection(("10.77.0.2", 5001)); s.sendall(b"x" * 65536); s.close()
'
wait $srv
ip netns exec sf-capb $py -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(20): s.sendto(b"u" * 300, ("10.77.0.1", 5002)); time.sleep(0.01)
'
ip netns exec sf-capa $py -c '
import socket
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
for i in range(5): s.sendto(b"v" * 100, ("fd77::2", 5003))
'
sleep 3
kill $cap_pids; wait $cap_pids 2>/dev/null || true
cap_pids=""

# The same agent again with an IPv6 agent address, a little UDP through it.
dumpcap -q -i lo -f "udp port $port or udp port $((port + 1))" -w "$out/ovs-agent6.pcapng" 2>/dev/null & cap_pids="$!"
sleep 2
ovs-vsctl set sflow "$(ovs-vsctl get bridge "$br" sflow)" 'agent="::1"'
ip netns exec sf-capa $py -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(30): s.sendto(b"w" * 500, ("10.77.0.2", 5004)); time.sleep(0.02)
'
sleep 3
kill $cap_pids; wait $cap_pids 2>/dev/null || true
cap_pids=""

for f in ovs-lo.pcap ovs-lo.pcapng ovs-any.pcapng ovs-any-sll2.pcapng ovs-agent6.pcapng; do
  tshark -r "$out/$f" -d "udp.port==$((port + 1)),sflow" -d "udp.port==$port,sflow" -T json > "$out/${f%.*}.${f##*.}.tshark.json"
done
chmod 644 "$out"/ovs-*
ls -la "$out"
