#!/usr/bin/env python3
"""Writes Dashboard.Tests/TestData/sflow/synthetic.pcap: sFlow v5 datagrams holding every sample and record
type our decoder knows (the ones Open vSwitch does not send: host, virt, VLAN, processor, decoded
packet records, expanded samples, IPv6 agent), encoded here independently of our encoder, then tshark's decode
beside it. Usage: lab/make-synthetic-sflow.py [outdir]"""
import os, socket, struct, subprocess, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Dashboard.Tests", "TestData", "sflow")
u32 = lambda v: struct.pack("!I", v)
u64 = lambda v: struct.pack("!Q", v)
f32 = lambda v: struct.pack("!f", v)
def pad(b): return b + b"\0" * (-len(b) % 4)
def opaque(b): return u32(len(b)) + pad(b)
def tagged(ent, fmt, body): return u32((ent << 12) | fmt) + u32(len(body)) + body
def mac(s): return bytes.fromhex(s.replace(":", ""))
def v4(s): return socket.inet_pton(socket.AF_INET, s)
def v6(s): return socket.inet_pton(socket.AF_INET6, s)

def eth(dst, src, etype, payload, vlan=None):
    h = mac(dst) + mac(src)
    if vlan is not None:
        h += struct.pack("!HH", 0x8100, (3 << 13) | vlan)
    return h + struct.pack("!H", etype) + payload
def ipv4(src, dst, proto, l4, tos=0x10, ttl=63):
    return struct.pack("!BBHHHBBH4s4s", 0x45, tos, 20 + len(l4), 0x1234, 0x4000, ttl, proto, 0, v4(src), v4(dst)) + l4
def ipv6(src, dst, nxt, l4, hlim=60):
    return struct.pack("!IHBB16s16s", 0x60000000, len(l4), nxt, hlim, v6(src), v6(dst)) + l4
def tcp(sp, dp, flags, payload=b""):
    return struct.pack("!HHIIBBHHH", sp, dp, 1000, 2000, 0x50, flags, 65535, 0, 0) + payload
def udp(sp, dp, payload=b""):
    return struct.pack("!HHHH", sp, dp, 8 + len(payload), 0) + payload
def icmp(t, c): return struct.pack("!BBHHH", t, c, 0, 1, 1) + b"\xab" * 16
def arp(op, smac, sip, tmac, tip):
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + mac(smac) + v4(sip) + mac(tmac) + v4(tip)

def raw_header(frame, frame_length, proto=1, stripped=4, cut=128):
    return tagged(0, 1, u32(proto) + u32(frame_length) + u32(stripped) + opaque(frame[:cut]))
def flow_sample(seq, src_type, src_idx, rate, pool, drops, inp, outp, records):
    return tagged(0, 1, u32(seq) + u32((src_type << 24) | src_idx) + u32(rate) + u32(pool) + u32(drops) + u32(inp) + u32(outp)
                  + u32(len(records)) + b"".join(records))
def exp_flow_sample(seq, src_type, src_idx, rate, pool, drops, inf, inv, outf, outv, records):
    return tagged(0, 3, u32(seq) + u32(src_type) + u32(src_idx) + u32(rate) + u32(pool) + u32(drops) + u32(inf) + u32(inv)
                  + u32(outf) + u32(outv) + u32(len(records)) + b"".join(records))
def counter_sample(seq, src_type, src_idx, records):
    return tagged(0, 2, u32(seq) + u32((src_type << 24) | src_idx) + u32(len(records)) + b"".join(records))
def exp_counter_sample(seq, src_type, src_idx, records):
    return tagged(0, 4, u32(seq) + u32(src_type) + u32(src_idx) + u32(len(records)) + b"".join(records))
def datagram(agent, seq, uptime, samples, sub=0):
    a = u32(1) + v4(agent) if ":" not in agent else u32(2) + v6(agent)
    return u32(5) + a + u32(sub) + u32(seq) + u32(uptime) + u32(len(samples)) + b"".join(samples)

vm1, vm2, gw = "52:54:00:aa:00:01", "52:54:00:aa:00:02", "fa:16:3e:00:00:fe"
generic = tagged(0, 1, u32(7) + u32(6) + u64(10_000_000_000) + u32(1) + u32(3) + u64(123456789012) + u32(1000) + u32(20) + u32(30)
                 + u32(1) + u32(2) + u32(3) + u64(987654321098) + u32(2000) + u32(40) + u32(50) + u32(4) + u32(5) + u32(0))
ethernet = tagged(0, 2, b"".join(u32(i) for i in range(1, 14)))
vlan = tagged(0, 5, u32(100) + u64(5555555) + u32(11) + u32(12) + u32(13) + u32(14))
processor = tagged(0, 1001, u32(1234) + u32(2345) + u32(3456) + u64(16 << 30) + u64(5 << 30))
host_descr = tagged(0, 2000, opaque(b"compute-1") + bytes.fromhex("0123456789abcdef0123456789abcdef") + u32(3) + u32(2) + opaque(b"6.1.0-13-amd64"))
host_adapters = tagged(0, 2001, u32(2) + u32(3) + u32(1) + pad(mac(vm1)) + u32(4) + u32(2) + pad(mac(vm2)) + pad(mac(gw)))
host_parent = tagged(0, 2002, u32(2) + u32(42))
host_cpu = tagged(0, 2003, f32(0.5) + f32(0.25) + f32(1.75) + b"".join(u32(v) for v in (2, 300, 4, 2400, 86400, 1000, 10, 500, 90000, 7, 8, 9, 123456, 654321)))
host_memory = tagged(0, 2004, b"".join(u64(v) for v in (16 << 30, 8 << 30, 1 << 20, 2 << 20, 3 << 30, 4 << 30, 4 << 30)) + u32(10) + u32(20) + u32(30) + u32(40))
host_disk = tagged(0, 2005, u64(500 << 30) + u64(200 << 30) + u32(6543) + u32(100) + u64(1 << 30) + u32(2000) + u32(300) + u64(2 << 30) + u32(4000))
host_net = tagged(0, 2006, u64(111111) + u32(11) + u32(1) + u32(2) + u64(222222) + u32(22) + u32(3) + u32(4))
virt_node = tagged(0, 2100, u32(2400) + u32(8) + u64(32 << 30) + u64(10 << 30) + u32(3))
virt_cpu = tagged(0, 2101, u32(1) + u32(123456) + u32(2))
virt_memory = tagged(0, 2102, u64(2 << 30) + u64(4 << 30))
virt_disk = tagged(0, 2103, u64(20 << 30) + u64(5 << 30) + u64(15 << 30) + u32(100) + u64(4096000) + u32(200) + u64(8192000) + u32(0))
virt_net = tagged(0, 2104, u64(333333) + u32(33) + u32(0) + u32(1) + u64(444444) + u32(44) + u32(2) + u32(3))
unknown = tagged(4413, 7, u32(1) + u32(2))

f_udp_vlan = eth(vm2, vm1, 0x0800, ipv4("10.0.0.11", "10.0.0.12", 17, udp(40000, 53, b"q" * 40)), vlan=100)
f_tcp6 = eth(vm1, vm2, 0x86DD, ipv6("fd00::12", "fd00::11", 6, tcp(443, 50000, 0x18, b"t" * 200)))
f_arp = eth("ff:ff:ff:ff:ff:ff", vm1, 0x0806, arp(1, vm1, "10.0.0.11", "00:00:00:00:00:00", "10.0.0.12"))
f_icmp = eth(gw, vm2, 0x0800, ipv4("10.0.0.12", "192.0.2.1", 1, icmp(8, 0)))
f_trunc = eth(vm2, vm1, 0x0800, ipv4("10.0.0.11", "10.0.0.12", 6, tcp(5001, 5002, 0x10, b"x" * 1400)))

d1 = datagram("192.0.2.10", 100, 3_600_000, [
    flow_sample(1, 0, 7, 512, 5120, 3, 7, 8, [
        raw_header(f_udp_vlan, len(f_udp_vlan) + 4),
        tagged(0, 2, u32(len(f_udp_vlan)) + pad(mac(vm1)) + pad(mac(vm2)) + u32(0x0800)),
        tagged(0, 3, u32(68) + u32(17) + v4("10.0.0.11") + v4("10.0.0.12") + u32(40000) + u32(53) + u32(0) + u32(0x10)),
        tagged(0, 1001, u32(100) + u32(3) + u32(200) + u32(5)),
        tagged(0, 1002, u32(1) + v4("10.0.0.1") + u32(24) + u32(16)),
    ]),
    flow_sample(2, 0, 7, 512, 5632, 3, 7, 0x3FFFFFFF, [raw_header(f_arp, len(f_arp) + 4)]),
    flow_sample(3, 0, 7, 512, 6144, 3, 8, 1, [raw_header(f_icmp, len(f_icmp) + 4)]),
    flow_sample(4, 0, 7, 512, 6656, 3, 7, 8, [raw_header(f_trunc, len(f_trunc) + 4)]),
    counter_sample(10, 0, 7, [generic, ethernet, vlan, processor]),
])
d2 = datagram("2001:db8::10", 7, 99_000, [
    exp_flow_sample(9, 0, 70000, 1000, 90000, 0, 0, 70000, 0, 70001, [
        raw_header(f_tcp6, len(f_tcp6) + 4),
        tagged(0, 4, u32(240) + u32(6) + v6("fd00::12") + v6("fd00::11") + u32(443) + u32(50000) + u32(0x18) + u32(0)),
        tagged(0, 1002, u32(2) + v6("fd00::1") + u32(64) + u32(48)),
    ]),
    exp_counter_sample(11, 0, 70000, [host_descr, host_adapters, host_parent, host_cpu, host_memory, host_disk, host_net]),
], sub=3)
d3 = datagram("192.0.2.10", 101, 3_601_000, [
    counter_sample(12, 3, 2, [virt_node, virt_cpu, virt_memory, virt_disk, virt_net, unknown]),
])

with open(os.path.join(out, "synthetic.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for i, payload in enumerate([d1, d2, d3]):
        is6 = i == 1
        u = struct.pack("!HHHH", 40001, 6343, 8 + len(payload), 0) + payload
        if is6:
            pkt = eth("00:00:00:00:00:02", "00:00:00:00:00:01", 0x86DD, ipv6("2001:db8::10", "2001:db8::1", 17, u))
        else:
            pkt = eth("00:00:00:00:00:02", "00:00:00:00:00:01", 0x0800, ipv4("192.0.2.10", "192.0.2.1", 17, u))
        f.write(struct.pack("<IIII", 1_700_000_000 + i, 0, len(pkt), len(pkt)) + pkt)

with open(os.path.join(out, "synthetic.pcap.tshark.json"), "wb") as f:
    f.write(subprocess.run(["tshark", "-r", os.path.join(out, "synthetic.pcap"), "-T", "json"], check=True, capture_output=True).stdout)
