# Reads every OpenFlow message of a capture with os-ken's parsers (an implementation independent of ours, the one
# Neutron uses) and writes the fields of the statistics and flow-removed messages, one message a line:
#   direction <TAB> ordinal <TAB> kind <TAB> name=value <TAB> name=value ...
# direction is "switch" (os-ken has parsers only for what a switch sends; the requests in the capture were made by
# os-ken itself), ordinal the message's index in that direction's stream. The golden tests compare our decoder
# with these lines; tshark 4.0 does not dissect OpenFlow 1.0 bodies.
# Usage: openflow_osken_fields.py CAPTURE.pcap CONTROLLER_PORT > CAPTURE.osken.tsv
import struct
import subprocess
import sys

from os_ken.lib.mac import haddr_to_str
from os_ken.ofproto import ofproto_parser, ofproto_v1_0, ofproto_v1_0_parser, ofproto_v1_3, ofproto_v1_3_parser


class Datapath:
    def __init__(self, version):
        self.ofproto, self.ofproto_parser = {
            1: (ofproto_v1_0, ofproto_v1_0_parser), 4: (ofproto_v1_3, ofproto_v1_3_parser)}[version]


def streams(pcap, controller_port):
    out = subprocess.run(['tshark', '-r', pcap, '-Y', 'tcp.len > 0', '-T', 'fields', '-e', 'tcp.srcport', '-e', 'tcp.payload'],
                         check=True, capture_output=True, text=True).stdout
    data = {'switch': bytearray(), 'controller': bytearray()}
    for line in out.splitlines():
        port, payload = line.split('\t')
        data['controller' if int(port) == controller_port else 'switch'] += bytes.fromhex(payload.replace(':', ''))
    return data


def text(field):
    """A NUL-padded char array as the string before its first NUL (os-ken keeps the padding)."""
    return field.split(b'\0', 1)[0].decode()


def match_text(version, m):
    if version == 1:
        return f'wildcards={m.wildcards}', f'in_port={m.in_port}', f'dl_dst={haddr_to_str(m.dl_dst)}'
    return (f'oxm={",".join(f"{k}:{v}" for k, v in m.items())}',)


def fields(version, msg):
    """(kind, [name=value ...]) for the messages the golden tests check field by field, else None."""
    name = type(msg).__name__
    if name == 'OFPFlowRemoved':
        values = [f'cookie={msg.cookie}', f'priority={msg.priority}', f'reason={msg.reason}', f'duration_sec={msg.duration_sec}',
                  f'duration_nsec={msg.duration_nsec}', f'idle_timeout={msg.idle_timeout}', f'packet_count={msg.packet_count}',
                  f'byte_count={msg.byte_count}', *match_text(version, msg.match)]
        if version == 4:
            values += [f'table_id={msg.table_id}', f'hard_timeout={msg.hard_timeout}']
        return 'flow_removed', values
    if name in ('OFPDescStatsReply', 'OFPAggregateStatsReply', 'OFPTableStatsReply', 'OFPPortStatsReply'):
        body = msg.body
        values = [f'flags={msg.flags}']
        if name == 'OFPDescStatsReply':
            values += [f'{f}={text(getattr(body, f))}' for f in ('mfr_desc', 'hw_desc', 'sw_desc', 'serial_num', 'dp_desc')]
            return 'desc_reply', values
        if name == 'OFPAggregateStatsReply':
            body = body[0] if isinstance(body, list) else body
            values += [f'packet_count={body.packet_count}', f'byte_count={body.byte_count}', f'flow_count={body.flow_count}']
            return 'aggregate_reply', values
        if name == 'OFPTableStatsReply':
            for t in body:
                values += [f'table_id={t.table_id}', f'active_count={t.active_count}', f'lookup_count={t.lookup_count}',
                           f'matched_count={t.matched_count}']
                if version == 1:
                    values += [f'name={text(t.name)}', f'wildcards={t.wildcards}', f'max_entries={t.max_entries}']
            return 'table_reply', values
        for p in body:
            values += [f'port_no={p.port_no}'] + [f'{c}={getattr(p, c)}' for c in (
                'rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_dropped', 'tx_dropped', 'rx_errors', 'tx_errors',
                'rx_frame_err', 'rx_over_err', 'rx_crc_err', 'collisions')]
            if version == 4:
                values += [f'duration_sec={p.duration_sec}', f'duration_nsec={p.duration_nsec}']
        return 'port_reply', values
    return None


def main():
    pcap, controller_port = sys.argv[1], int(sys.argv[2])
    print(f'# os-ken fields of {pcap.rsplit("/", 1)[-1]} (lab/openflow_osken_fields.py); controller port {controller_port}')
    for direction, data in streams(pcap, controller_port).items():
        if direction != 'switch':
            continue
        offset, ordinal = 0, 0
        while offset + 8 <= len(data):
            version, msg_type, length, xid = struct.unpack_from('!BBHI', data, offset)
            frame = bytes(data[offset:offset + length])
            if version in (1, 4):
                msg = ofproto_parser.msg(Datapath(version), version, msg_type, length, xid, frame)
                found = fields(version, msg)
                if found:
                    print('\t'.join([direction, str(ordinal), found[0], *found[1]]))
            offset += length
            ordinal += 1


main()
