#!/usr/bin/python3
"""Reference values for the graph/ tests, computed once by python3-igraph (Debian package).

Usage (from the repo root):  /usr/bin/python3 scripts/make_graph_fixtures.py
Writes tests/data/graph/<name>.txt, a line format read by tests/graph/fixture_test.cpp:
  graph <name> <directed 0|1> <n> <m>
  edge <from> <to> <latency> <reliability>          (m lines, edge id = line order)
  vec <key> <v0> <v1> ...                           (nan for NaN)
Keys: betweenness, betweenness_w (latency), betweenness_undirected, edge_betweenness,
edge_betweenness_w, closeness, closeness_w, constraint, constraint_w (reliability weights),
degree_in, degree_out, degree_all, articulation_points, bridges, weak, strong,
pairs (flattened s t), edge_disjoint, vertex_disjoint, dist_src (sources),
dist_lat (row-major, inf for unreachable), dist_rel (-ln r).
"""
import math
import os
import random

import igraph as ig

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "graph")


def random_graph(seed, n, m, directed, multi=True, loops=True, ties=False):
    rnd = random.Random(seed)
    edges = []
    while len(edges) < m:
        a, b = rnd.randrange(n), rnd.randrange(n)
        if a == b and not loops:
            continue
        if not multi and any((a, b) == (x, y) or (not directed and (b, a) == (x, y))
                             for x, y, _, _ in edges):
            continue
        if ties:  # lengths on a coarse grid: many floating-point near-ties (0.1 + 0.2 vs 0.3)
            lat = rnd.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.7])
        else:
            lat = round(math.exp(rnd.gauss(1.0, 0.8)), 3)
        rel = round(rnd.uniform(0.75, 0.999), 3)
        edges.append((a, b, lat, rel))
    return n, edges


def agency_graph():
    """agency_n100 from ../shared/bench/gen_graphs.py (run it first), else a stand-in."""
    base = os.environ.get("PEERS_OUT", "build/peers")  # where gen_graphs.py wrote it
    path = os.path.join(base, "graphs", "agency_n100.csv")
    if not os.path.exists(path):
        return random_graph(99, 100, 400, False, multi=False, loops=False)
    edges = []
    with open(path) as f:
        next(f)
        for line in f:
            a, b, lat, rel = line.strip().split(",")
            edges.append((int(a), int(b), float(lat), float(rel)))
    n = 1 + max(max(a, b) for a, b, _, _ in edges)
    return n, edges


def vertex_disjoint(g, s, t):
    """As C igraph_vertex_disjoint_paths: direct s->t edges count as one path."""
    direct = [e.index for e in g.es if (e.source, e.target) == (s, t)
              or (not g.is_directed() and (e.source, e.target) == (t, s))]
    if not direct:
        return g.vertex_disjoint_paths(s, t)
    h = g.copy()
    h.delete_edges(direct)
    return h.vertex_disjoint_paths(s, t) + 1


def fmt(x):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf"
        return repr(x)
    return str(x)


def write(name, directed, n, edges):
    g = ig.Graph(n=n, edges=[(a, b) for a, b, _, _ in edges], directed=directed)
    lat = [e[2] for e in edges]
    rel = [e[3] for e in edges]
    nlr = [-math.log(r) for r in rel]
    rnd = random.Random(len(edges) * 7 + n)
    pairs = []
    while len(pairs) < 8:
        s, t = rnd.randrange(n), rnd.randrange(n)
        if s != t:
            pairs.append((s, t))
    sources = sorted({p[0] for p in pairs})[:4]
    vals = {
        "betweenness": g.betweenness(directed=True),
        "betweenness_w": g.betweenness(directed=True, weights=lat),
        "betweenness_undirected": g.betweenness(directed=False),
        "edge_betweenness": g.edge_betweenness(directed=True),
        "edge_betweenness_w": g.edge_betweenness(directed=True, weights=lat),
        "closeness": g.closeness(mode="out", normalized=False),
        "closeness_w": g.closeness(mode="out", weights=lat, normalized=False),
        "constraint": g.constraint(),
        "constraint_w": g.constraint(weights=rel),
        "degree_in": g.degree(mode="in", loops=True),
        "degree_out": g.degree(mode="out", loops=True),
        "degree_all": g.degree(mode="all", loops=True),
        "articulation_points": sorted(g.articulation_points()),
        "bridges": sorted(g.bridges()),
        "weak": [len(g.connected_components(mode="weak"))],
        "strong": [len(g.connected_components(mode="strong"))],
        "pairs": [x for p in pairs for x in p],
        "edge_disjoint": [g.edge_disjoint_paths(s, t) for s, t in pairs],
        "vertex_disjoint": [vertex_disjoint(g, s, t) for s, t in pairs],
        "dist_src": sources,
        "dist_lat": [x for row in g.distances(source=sources, weights=lat, mode="out") for x in row],
        "dist_rel": [x for row in g.distances(source=sources, weights=nlr, mode="out") for x in row],
    }
    with open(os.path.join(OUT, name + ".txt"), "w") as f:
        f.write(f"graph {name} {int(directed)} {n} {len(edges)}\n")
        for a, b, l, r in edges:
            f.write(f"edge {a} {b} {fmt(l)} {fmt(r)}\n")
        for k, v in vals.items():
            f.write("vec " + k + " " + " ".join(fmt(float(x) if not isinstance(x, int) else x)
                                                for x in v) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("random_undirected", False, *random_graph(1, 30, 60, False))
    write("random_directed", True, *random_graph(2, 30, 80, True))
    write("sparse_disconnected", False, *random_graph(3, 40, 35, False))
    write("ties_undirected", False, *random_graph(4, 25, 60, False, ties=True))
    write("ties_directed", True, *random_graph(5, 25, 70, True, ties=True))
    write("agency_n100", False, *agency_graph())


if __name__ == "__main__":
    main()
