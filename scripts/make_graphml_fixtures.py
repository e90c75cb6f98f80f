#!/usr/bin/python3
"""Writes tests/data/graphml/: small GraphML files as other programs write them (python-igraph
and NetworkX, the Debian packages python3-igraph and python3-networkx), and reference JSON
computed by igraph for `liaison analyze --json` (degrees, betweenness directed / undirected /
weighted, components, diameter, articulation points, bridges). "undirected" is the weak
symmetrisation with mutual arcs collapsed (igraph to_undirected(mode="collapse"), as NetworkX
to_undirected() and R's as.undirected(); checked against NetworkX here), "undirected_each" keeps
every arc as an undirected edge (to_undirected(mode="each")).

Run with /usr/bin/python3 from the repository root; the output is committed. Fixed content, so
every run gives the same references (file bytes may differ between library versions).
"""
import json
import math
import os

import igraph as ig
import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "graphml")


def networkx_undirected(path):
    # Two blocks joined by a bridge, a pendant path, a parallel-free triangle, an isolated pair.
    g = nx.Graph()
    edges = [("a", "b", 1.5), ("b", "c", 2.0), ("c", "a", 0.5), ("c", "d", 3.0), ("d", "e", 1.0),
             ("e", "f", 2.5), ("f", "d", 1.25), ("f", "g", 4.0), ("g", "h", 1.0), ("x", "y", 2.0)]
    labels = {"a": "Alpha", "b": "Bravo", "c": "Charlie", "d": "Delta", "e": "Echo", "f": "Foxtrot",
              "g": "Golf", "h": "Hotel", "x": "X-ray", "y": "Yankee"}
    for n in labels:
        g.add_node(n, label=labels[n], staff=len(labels[n]), on_duty=(n != "h"),
                   score=float("nan") if n == "e" else 0.25 * len(n))
    for a, b, w in edges:
        g.add_edge(a, b, weight=w, count=int(w * 2), medium="radio" if w < 2 else "phone")
    nx.write_graphml(g, path)


def igraph_directed(path):
    g = ig.Graph(directed=True)
    names = ["EOC", "ICP", "Fire", "Police", "EMS", "Hospital", "Rail", "Shipper", "Media"]
    g.add_vertices(len(names))
    g.vs["name"] = names
    g.vs["seats"] = [4, 3, 2, 2, 2, 1, 1, 1, 0]
    g.vs["activated"] = [True, True, True, True, True, False, True, False, True]
    e = [(0, 1), (1, 0), (1, 2), (2, 1), (1, 3), (3, 4), (4, 1), (4, 5), (5, 4), (0, 6), (6, 7),
         (7, 6), (0, 8), (2, 4), (3, 0)]
    g.add_edges(e)
    g.es["weight"] = [1.0, 1.0, 2.0, 2.0, 3.0, 1.5, 2.5, 4.0, 4.0, 5.0, 0.75, 0.75, 2.0, 1.0, 6.0]
    g.es["latency"] = [1, 1, 2, 2, 3, 2, 3, 4, 4, 5, 1, 1, 2, 1, 6]
    g.es["reliability"] = [0.99, 0.99, 0.95, 0.95, 0.9, 0.9, 0.9, 0.8, 0.8, 0.7, 0.97, 0.97,
                           0.85, 0.9, float("nan")]
    g.es["two_way"] = [False] * len(e)
    g.write_graphml(path)


def networkx_directed_multi(path):
    # A directed multigraph written by NetworkX, names in `name`, a self-loop.
    g = nx.MultiDiGraph()
    for i in range(7):
        g.add_node(f"n{i}", name=f"Person {i}")
    for a, b, w in [(0, 1, 1.0), (0, 1, 2.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 2.0), (3, 4, 1.0),
                    (4, 3, 1.0), (4, 5, 3.0), (5, 6, 1.0), (6, 4, 2.0), (3, 3, 1.0)]:
        g.add_edge(f"n{a}", f"n{b}", weight=w)
    nx.write_graphml(g, path)


def nan_weight(path):
    # NetworkX writes NaN as "nan" (igraph would leave the value out).
    g = nx.Graph()
    g.add_edge("p", "q", weight=1.0)
    g.add_edge("q", "r", weight=float("nan"))
    g.add_edge("r", "p", weight=2.0)
    nx.write_graphml(g, path)


def clean(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def reference(path, directed_as_file=True, undirected=None, weight=None):
    g = ig.Graph.Read_GraphML(path)
    if undirected and g.is_directed():
        g.to_undirected(mode=undirected)
    ids = g.vs["id"] if "id" in g.vs.attributes() else [str(i) for i in range(g.vcount())]
    names = []
    for v in g.vs:
        name = None
        for attr in ("name", "label", "vertex.names"):
            if attr in g.vs.attributes() and isinstance(v[attr], str) and v[attr]:
                name = v[attr]
                break
        names.append(name or ids[v.index])
    directed = g.is_directed()
    bw = g.betweenness(directed=directed)
    bww = g.betweenness(directed=directed, weights=weight) if weight else None
    nodes = []
    for v in range(g.vcount()):
        n = {"id": ids[v], "name": names[v],
             "degree_in": g.degree(v, mode="in", loops=True),
             "degree_out": g.degree(v, mode="out", loops=True),
             "degree": g.degree(v, mode="all", loops=True),
             "betweenness": bw[v]}
        if weight:
            n["betweenness_weighted"] = bww[v]
        nodes.append(n)
    u = g.copy()
    if u.is_directed():
        u.to_undirected(mode="each")
    aps = sorted(u.articulation_points())
    bridges = [[ids[u.es[e].source], ids[u.es[e].target]] for e in sorted(u.bridges())]
    for n in nodes:
        n["articulation_point"] = ids.index(n["id"]) in aps
    return {
        "nodes": nodes,
        "components": {"weak": len(g.connected_components(mode="weak")),
                       "strong": len(g.connected_components(mode="strong"))},
        "diameter": g.diameter(directed=directed, unconn=True),
        "articulation_points": [ids[a] for a in aps],
        "bridges": bridges,
    }


def check_collapse_with_networkx(path, ref):
    """The collapsed betweenness equals NetworkX's on to_undirected() of the simple digraph."""
    g = nx.read_graphml(path)
    u = nx.Graph(g.to_undirected()) if g.is_directed() else nx.Graph(g)
    u.remove_edges_from(nx.selfloop_edges(u))
    bw = nx.betweenness_centrality(u, normalized=False)
    for n in ref["nodes"]:
        assert abs(bw[n["id"]] - n["betweenness"]) < 1e-9, (path, n["id"], bw[n["id"]], n["betweenness"])


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {
        "undirected_networkx.graphml": (networkx_undirected, "weight"),
        "directed_igraph.graphml": (igraph_directed, "weight"),
        "directed_multi_networkx.graphml": (networkx_directed_multi, "weight"),
        "nan_weight.graphml": (nan_weight, None),
    }
    for name, (make, weight) in files.items():
        path = os.path.join(OUT, name)
        make(path)
        if weight is None:
            continue
        stem = name[: -len(".graphml")]
        refs = {"plain": reference(path), "undirected": reference(path, undirected="collapse"),
                "undirected_each": reference(path, undirected="each"),
                "weighted": reference(path, weight=weight)}
        check_collapse_with_networkx(path, refs["undirected"])
        for mode, ref in refs.items():
            with open(os.path.join(OUT, f"{stem}.{mode}.json"), "w") as f:
                json.dump(ref, f, indent=1, sort_keys=True)
                f.write("\n")
        print(name, "nodes", len(refs["plain"]["nodes"]), "aps", refs["plain"]["articulation_points"],
              "bridges", refs["plain"]["bridges"], "diameter", refs["plain"]["diameter"])


if __name__ == "__main__":
    main()
