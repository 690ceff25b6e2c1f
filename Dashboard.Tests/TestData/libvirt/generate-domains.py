#!/usr/bin/env python3
"""Writes a libvirt test-driver node file with N running domains, each with one vNIC on br-int, one disk,
a balloon and Nova metadata, for scale tests and bench/LibvirtBench.

usage: generate-domains.py COUNT OUTPUT.xml

Deterministic: the same COUNT gives the same names, UUIDs and MACs (52:54:01:hh:mm:ll from the index)."""
import sys
import uuid

FLAVORS = [("m1.tiny", 1, 512), ("m1.small", 1, 2048), ("m1.medium", 2, 4096), ("m1.large", 4, 8192)]


def domain(i: int) -> str:
    flavor, vcpus, mib = FLAVORS[i % len(FLAVORS)]
    u = uuid.uuid5(uuid.NAMESPACE_URL, f"sdndashboard/scale/{i}")
    mac = f"52:54:01:{(i >> 16) & 0xff:02x}:{(i >> 8) & 0xff:02x}:{i & 0xff:02x}"
    return f"""  <domain type='test'>
    <name>scale-{i:05d}</name>
    <uuid>{u}</uuid>
    <metadata>
      <nova:instance xmlns:nova="http://openstack.org/xmlns/libvirt/nova/1.1">
        <nova:name>vm-{i:05d}</nova:name>
        <nova:flavor name="{flavor}"><nova:vcpus>{vcpus}</nova:vcpus><nova:memory>{mib}</nova:memory></nova:flavor>
        <nova:owner>
          <nova:user uuid="0f0e0d0c0b0a49888776655443322110">loadgen</nova:user>
          <nova:project uuid="00112233445566778899aabbccddeeff">scale</nova:project>
        </nova:owner>
      </nova:instance>
    </metadata>
    <memory unit='MiB'>{mib}</memory>
    <currentMemory unit='MiB'>{mib}</currentMemory>
    <vcpu>{vcpus}</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <devices>
      <disk type='file' device='disk'>
        <source file='/var/lib/nova/instances/{u}/disk'/>
        <target dev='vda' bus='virtio'/>
      </disk>
      <interface type='bridge'>
        <mac address='{mac}'/>
        <source bridge='br-int'/>
        <target dev='tap{i:08x}-00'/>
      </interface>
      <memballoon model='virtio'/>
    </devices>
  </domain>
"""


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count = int(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("<node>\n  <cpu><mhz>2400</mhz><model>scale</model><nodes>1</nodes><sockets>2</sockets>"
                  "<cores>16</cores><threads>2</threads><active>64</active></cpu>\n  <memory>1073741824</memory>\n")
        for i in range(count):
            out.write(domain(i))
        out.write("</node>\n")


if __name__ == "__main__":
    main()
