# The os-ken controller lab/capture-openflow.sh points Open vSwitch at for the statistics capture: an independent
# OpenFlow implementation makes the requests, so the golden files hold bytes neither side of which came from our
# codec. On connect it installs flows that will be removed three ways (hard timeout, idle timeout, a delete), each
# with the send-flow-removed flag and a cookie naming it, then asks for desc, aggregate, table, port and flow
# statistics once while the flows hold traffic and once after they are gone. OpenFlow 1.0 and 1.3.
from os_ken.base import app_manager
from os_ken.controller import ofp_event
from os_ken.controller.handler import CONFIG_DISPATCHER, set_ev_cls
from os_ken.lib import hub
from os_ken.lib.mac import haddr_to_bin
from os_ken.ofproto import ofproto_v1_0, ofproto_v1_3

HARD_COOKIE = 0x5D00000000000001
IDLE_COOKIE = 0x5D00000000000002
DELETE_COOKIE = 0x5D00000000000003


class StatsCaptureApp(app_manager.OSKenApp):
    OFP_VERSIONS = [ofproto_v1_0.OFP_VERSION, ofproto_v1_3.OFP_VERSION]

    @set_ev_cls(ofp_event.EventOFPSwitchFeatures, CONFIG_DISPATCHER)
    def features(self, ev):
        hub.spawn(self.run, ev.msg.datapath)

    def flow(self, dp, cookie, match, out_port, idle=0, hard=0, priority=100, command=None):
        ofp, parser = dp.ofproto, dp.ofproto_parser
        actions = [parser.OFPActionOutput(out_port)] if out_port is not None else []
        command = ofp.OFPFC_ADD if command is None else command
        if ofp.OFP_VERSION == ofproto_v1_3.OFP_VERSION:
            inst = [parser.OFPInstructionActions(ofp.OFPIT_APPLY_ACTIONS, actions)] if actions else []
            mask = 0xFFFFFFFFFFFFFFFF if command != ofp.OFPFC_ADD else 0
            return parser.OFPFlowMod(datapath=dp, cookie=cookie, cookie_mask=mask, command=command, idle_timeout=idle, hard_timeout=hard,
                                     priority=priority, out_port=ofp.OFPP_ANY, out_group=ofp.OFPG_ANY, flags=ofp.OFPFF_SEND_FLOW_REM,
                                     match=match, instructions=inst)
        return parser.OFPFlowMod(datapath=dp, match=match, cookie=cookie, command=command, idle_timeout=idle, hard_timeout=hard,
                                 priority=priority, flags=ofp.OFPFF_SEND_FLOW_REM, actions=actions)

    def stats(self, dp):
        ofp, parser = dp.ofproto, dp.ofproto_parser
        if ofp.OFP_VERSION == ofproto_v1_3.OFP_VERSION:
            everything = parser.OFPMatch()
            return [parser.OFPDescStatsRequest(dp, 0),
                    parser.OFPAggregateStatsRequest(dp, 0, ofp.OFPTT_ALL, ofp.OFPP_ANY, ofp.OFPG_ANY, 0, 0, everything),
                    parser.OFPTableStatsRequest(dp, 0),
                    parser.OFPPortStatsRequest(dp, 0, ofp.OFPP_ANY),
                    parser.OFPPortStatsRequest(dp, 0, 1),
                    parser.OFPFlowStatsRequest(dp, 0, ofp.OFPTT_ALL, ofp.OFPP_ANY, ofp.OFPG_ANY, 0, 0, everything)]
        everything = parser.OFPMatch()
        return [parser.OFPDescStatsRequest(dp, 0),
                parser.OFPAggregateStatsRequest(dp, 0, everything, 0xFF, ofp.OFPP_NONE),
                parser.OFPTableStatsRequest(dp, 0),
                parser.OFPPortStatsRequest(dp, 0, ofp.OFPP_NONE),
                parser.OFPPortStatsRequest(dp, 0, 1),
                parser.OFPFlowStatsRequest(dp, 0, everything, 0xFF, ofp.OFPP_NONE)]

    def run(self, dp):
        ofp, parser = dp.ofproto, dp.ofproto_parser
        v13 = ofp.OFP_VERSION == ofproto_v1_3.OFP_VERSION

        def match(in_port=None, eth_dst=None):
            if v13:
                return parser.OFPMatch(in_port=in_port) if eth_dst is None else parser.OFPMatch(eth_dst=eth_dst)
            return parser.OFPMatch(in_port=in_port) if eth_dst is None else parser.OFPMatch(dl_dst=haddr_to_bin(eth_dst))

        # Traffic between the two namespaces (the capture script pings) counts on the hard-timeout pair.
        dp.send_msg(self.flow(dp, HARD_COOKIE, match(in_port=1), 2, hard=4))
        dp.send_msg(self.flow(dp, HARD_COOKIE, match(in_port=2), 1, hard=4))
        dp.send_msg(self.flow(dp, IDLE_COOKIE, match(eth_dst='02:00:00:00:5d:02'), None, idle=1, priority=200))
        dp.send_msg(self.flow(dp, DELETE_COOKIE, match(eth_dst='02:00:00:00:5d:03'), None, priority=200))
        dp.send_msg(parser.OFPBarrierRequest(dp))
        hub.sleep(2.5)
        for request in self.stats(dp):
            dp.send_msg(request)
        hub.sleep(0.5)
        dp.send_msg(self.flow(dp, DELETE_COOKIE, match(eth_dst='02:00:00:00:5d:03'), None, priority=200,
                              command=ofp.OFPFC_DELETE_STRICT))
        hub.sleep(4)
        for request in self.stats(dp):
            dp.send_msg(request)
        self.logger.info('stats capture: requests sent')
