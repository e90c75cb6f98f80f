#!/usr/bin/python3
"""e2e: `liaison export --graphml` on the demo, read back by python-igraph: the file is
directed, and its betweenness and articulation_point attributes are exactly what igraph
computes from the file alone (on the usable network: available nodes, usable arcs), as the
export's documentation says. Usage: graphml_export_igraph.py LIAISON DEMO_DIR
"""
import os
import subprocess
import sys
import tempfile

import igraph as ig


def main():
    liaison, demo = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "demo.liaison")
        out = os.path.join(tmp, "net.graphml")
        subprocess.run([liaison, "import", demo, "--into", ws], check=True, capture_output=True)
        subprocess.run([liaison, "export", ws, "--graphml", out], check=True, capture_output=True)
        text = open(out, encoding="utf-8").read()
        assert 'edgedefault="directed"' in text, "the export must keep directions"
        g = ig.Graph.Read_GraphML(out)
    assert g.is_directed()
    # Every channel is there: two arcs for a two-way channel, one for a one-way channel.
    one_way = [e for e in g.es if not e["two_way"]]
    assert len(one_way) >= 1, "the demo has one-way channels"
    usable = g.subgraph_edges([e.index for e in g.es if e["usable"]], delete_vertices=False)
    keep = [v.index for v in usable.vs if v["available"]]
    sub = usable.induced_subgraph(keep)
    bw = sub.betweenness(directed=True)
    und = sub.as_undirected(mode="each")
    aps = set(und.articulation_points())
    checked = 0
    for i, v in enumerate(sub.vs):
        assert abs(v["betweenness"] - bw[i]) <= 1e-6 * max(1.0, abs(bw[i])), (v["name"], v["betweenness"], bw[i])
        assert bool(v["articulation_point"]) == (i in aps), (v["name"], v["articulation_point"])
        checked += 1
    for v in g.vs:
        if not v["available"]:
            assert v["betweenness"] == 0 and not v["articulation_point"], v["name"]
    assert checked > 100, checked
    print(f"graphml export: {g.vcount()} nodes, {g.ecount()} arcs; {checked} measures equal igraph's")


if __name__ == "__main__":
    main()
