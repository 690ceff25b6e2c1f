# A learning switch for os-ken doing the same work as the benchmark's own app: learn the source port; known
# destination -> one flow-mod on (in_port, eth_src, eth_dst) carrying the packet-in's buffer id (plus a
# packet-out only when the packet was not buffered); unknown destination -> flood. OpenFlow 1.0 and 1.3.
from os_ken.base import app_manager
from os_ken.controller import ofp_event
from os_ken.controller.handler import CONFIG_DISPATCHER, MAIN_DISPATCHER, set_ev_cls
from os_ken.lib.mac import haddr_to_bin
from os_ken.lib.packet import ethernet, packet
from os_ken.ofproto import ofproto_v1_0, ofproto_v1_3


class BenchLearningSwitch(app_manager.OSKenApp):
    OFP_VERSIONS = [ofproto_v1_0.OFP_VERSION, ofproto_v1_3.OFP_VERSION]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tables = {}

    @set_ev_cls(ofp_event.EventOFPSwitchFeatures, CONFIG_DISPATCHER)
    def features(self, ev):
        dp = ev.msg.datapath
        self.tables[dp.id] = {}
        if dp.ofproto.OFP_VERSION == ofproto_v1_3.OFP_VERSION:
            parser = dp.ofproto_parser
            actions = [parser.OFPActionOutput(dp.ofproto.OFPP_CONTROLLER, dp.ofproto.OFPCML_NO_BUFFER)]
            inst = [parser.OFPInstructionActions(dp.ofproto.OFPIT_APPLY_ACTIONS, actions)]
            dp.send_msg(parser.OFPFlowMod(datapath=dp, priority=0, match=parser.OFPMatch(), instructions=inst))

    @set_ev_cls(ofp_event.EventOFPPacketIn, MAIN_DISPATCHER)
    def packet_in(self, ev):
        msg = ev.msg
        dp = msg.datapath
        ofp = dp.ofproto
        parser = dp.ofproto_parser
        v13 = ofp.OFP_VERSION == ofproto_v1_3.OFP_VERSION
        in_port = msg.match['in_port'] if v13 else msg.in_port
        eth = packet.Packet(msg.data).get_protocol(ethernet.ethernet)
        table = self.tables.setdefault(dp.id, {})
        table[eth.src] = in_port
        out_port = table.get(eth.dst)
        if out_port is None or eth.dst == 'ff:ff:ff:ff:ff:ff':
            actions = [parser.OFPActionOutput(ofp.OFPP_FLOOD)]
            data = msg.data if msg.buffer_id == ofp.OFP_NO_BUFFER else None
            dp.send_msg(parser.OFPPacketOut(datapath=dp, buffer_id=msg.buffer_id, in_port=in_port, actions=actions, data=data))
            return
        actions = [parser.OFPActionOutput(out_port)]
        if v13:
            match = parser.OFPMatch(in_port=in_port, eth_src=eth.src, eth_dst=eth.dst)
            inst = [parser.OFPInstructionActions(ofp.OFPIT_APPLY_ACTIONS, actions)]
            mod = parser.OFPFlowMod(datapath=dp, priority=10, idle_timeout=60, buffer_id=msg.buffer_id, match=match, instructions=inst)
        else:
            match = parser.OFPMatch(in_port=in_port, dl_src=haddr_to_bin(eth.src), dl_dst=haddr_to_bin(eth.dst))
            mod = parser.OFPFlowMod(datapath=dp, match=match, priority=10, idle_timeout=60, buffer_id=msg.buffer_id, actions=actions)
        dp.send_msg(mod)
        if msg.buffer_id == ofp.OFP_NO_BUFFER:
            dp.send_msg(parser.OFPPacketOut(datapath=dp, buffer_id=msg.buffer_id, in_port=in_port, actions=actions, data=msg.data))
