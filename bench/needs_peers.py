#!/usr/bin/env python3
"""The needs task beside its peers: Liaison's needs engine (bench/engine_peer `needs`) and the
closest python-igraph / graph-tool equivalents, on the same graphs and the same needs, timed in
one run (these machines are noisy: compare the ratios of one run, not absolute times).

The needs come from `engine_peer needs_list GRAPH_BASE` (n/5 agency-to-agency needs, see
engine_peer.cpp), so both sides answer exactly the same questions. Per graph:

  engine           the full NeedsEngine run: fastest, most reliable and fewest-hop routes,
                   budget routes, edge/node-disjoint counts, single points of failure, load
                   (median of --repeats runs, all cores; and one run on one thread)
  igraph dijkstra  for each distinct source agency, g.distances(source=members, target=the
                   members of its target agencies, weights="latency_min"), the minimum over
                   members per need (igraph runs one Dijkstra per source member)
  graph-tool dij.  for each distinct source agency, one Dijkstra from a super source joined to
                   its members by 0-minute edges (shortest_distance), the minimum over the
                   target agency's members (all cores, OpenMP)
  igraph counts    per need, vertex_connectivity and edge_disjoint_paths between a super source
                   joined to the source agency's members (one edge each for the vertex count,
                   as many as the member's degree for the edge count, so that neither super edge
                   binds) and a super sink joined likewise from the target's

Checks: the sum of the fastest latencies of reachable needs, the number reachable and the sum of
nodeDisjoint must agree between the engine and the peers (the engine's edgeDisjoint sum is checked
against igraph's too).

Usage (from the project root, with Debian's python: python3-igraph, python3-graph-tool):
  /usr/bin/python3 ../shared/bench/gen_graphs.py --sizes 5000,20000 --models agency \\
      --out build/peers/graphs
  /usr/bin/python3 bench/needs_peers.py --graphs agency_n5000,agency_n20000
Options: --dir DIR (build/peers/graphs), --engine PATH (build/bench/engine_peer),
  --repeats N (engine runs, 5), --needs N (LIAISON_NEEDS), --skip igraph-counts,...
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict


def run_engine(engine, base, repeats, env_extra):
    env = dict(os.environ)
    env.update(env_extra)
    out = subprocess.run([engine, "needs", base, str(repeats), "1000"], capture_output=True,
                         text=True, env=env, check=True).stdout
    runs = [json.loads(l) for l in out.splitlines() if '"event":"run"' in l]
    return [r["seconds"] for r in runs], runs[-1]["check"]


def read_needs(engine, base, env_extra):
    env = dict(os.environ)
    env.update(env_extra)
    out = subprocess.run([engine, "needs_list", base, "1", "0"], capture_output=True, text=True,
                         env=env, check=True).stdout
    needs = []
    for line in out.splitlines():
        a, b, budget = line.split(",")
        needs.append((int(a), int(b), float(budget)))
    return needs


def members_of(agency):
    members = defaultdict(list)
    for v, a in enumerate(agency):
        members[int(a)].append(v)
    return members


def igraph_dijkstra(g, members, needs):
    by_source = defaultdict(list)
    for i, (a, b, _) in enumerate(needs):
        by_source[a].append(i)
    best = [float("inf")] * len(needs)
    t0 = time.perf_counter()
    for a, idx in by_source.items():
        targets = sorted({v for i in idx for v in members[needs[i][1]]})
        col = {v: k for k, v in enumerate(targets)}
        rows = g.distances(source=members[a], target=targets, weights="latency_min")
        for i in idx:
            cols = [col[v] for v in members[needs[i][1]]]
            best[i] = min(row[c] for row in rows for c in cols)
    return time.perf_counter() - t0, best


def graphtool_dijkstra(gt, g, weight, members, needs):
    by_source = defaultdict(list)
    for i, (a, b, _) in enumerate(needs):
        by_source[a].append(i)
    best = [float("inf")] * len(needs)
    t0 = time.perf_counter()
    sup = g.add_vertex()
    for a, idx in by_source.items():
        added = [g.add_edge(sup, g.vertex(v)) for v in members[a]]
        for e in added:
            weight[e] = 0.0
        dist = gt.shortest_distance(g, source=sup, weights=weight).a
        for i in idx:
            best[i] = min(float(dist[v]) for v in members[needs[i][1]])
        for e in reversed(added):
            g.remove_edge(e)
    g.remove_vertex(sup)
    return time.perf_counter() - t0, best


def igraph_counts(ig, g, members, needs):
    n = g.vcount()
    degree = g.degree()
    g = g.copy()
    g.add_vertices(2)
    sigma, tau = n, n + 1
    node_sum = edge_sum = 0
    t0 = time.perf_counter()
    for a, b, _ in needs:
        # Vertex count: one super edge per member.
        first = g.ecount()
        g.add_edges([(sigma, v) for v in members[a]] + [(tau, v) for v in members[b]])
        node_sum += g.vertex_connectivity(source=sigma, target=tau, neighbors="negative")
        g.delete_edges(range(first, g.ecount()))
        # Edge count: as many super edges as the member has edges.
        g.add_edges([(sigma, v) for v in members[a] for _ in range(degree[v])] +
                    [(tau, v) for v in members[b] for _ in range(degree[v])])
        edge_sum += g.edge_disjoint_paths(source=sigma, target=tau)
        g.delete_edges(range(first, g.ecount()))
    return time.perf_counter() - t0, node_sum, edge_sum


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", default="agency_n5000,agency_n20000")
    ap.add_argument("--dir", default="build/peers/graphs")
    ap.add_argument("--engine", default="build/bench/engine_peer")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--needs", type=int, default=0)
    ap.add_argument("--skip", default="", help="comma list of igraph-dijkstra,graph-tool,igraph-counts")
    args = ap.parse_args()
    skip = set(s for s in args.skip.split(",") if s)
    env = {"LIAISON_NEEDS": str(args.needs)} if args.needs else {}
    import igraph as ig
    try:
        import graph_tool.all as gt
    except ImportError:
        gt = None
    for name in args.graphs.split(","):
        base = os.path.join(args.dir, name)
        needs = read_needs(args.engine, base, env)
        times, check = run_engine(args.engine, base, args.repeats, env)
        one, _ = run_engine(args.engine, base, 1, dict(env, LIAISON_THREADS="1"))
        engine = statistics.median(times)
        load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
        print(f"{name}: {len(needs)} needs (load average {load} at start)")
        print(f"  engine (full, {os.cpu_count()} threads)  median {engine * 1e3:9.1f} ms of {len(times)}"
              f"   one thread {one[0] * 1e3:9.1f} ms")
        print(f"  engine check: {json.dumps(check)}")
        g = ig.Graph.Read_GraphML(base + ".graphml")
        members = members_of(g.vs["agency"])
        rows = []
        ok = True
        if "igraph-dijkstra" not in skip:
            t, best = igraph_dijkstra(g, members, needs)
            reach = [d for d in best if d != float("inf")]
            same = len(reach) == check["reachable"] and close(sum(reach), check["latency"])
            ok &= same
            rows.append(("igraph dijkstra only", t, f"latency {sum(reach):.3f} reachable {len(reach)}"
                         f" {'agrees' if same else 'DIFFERS'}"))
        if gt is not None and "graph-tool" not in skip:
            h = gt.load_graph(base + ".graphml")
            ids = h.vp["_graphml_vertex_id"]
            assert all(ids[v] == f"n{int(v)}" for v in h.vertices()), "graph-tool reordered nodes"
            t, best = graphtool_dijkstra(gt, h, h.ep["latency_min"], members, needs)
            reach = [d for d in best if d < 1e300]
            same = len(reach) == check["reachable"] and close(sum(reach), check["latency"])
            ok &= same
            rows.append(("graph-tool dijkstra only", t, f"latency {sum(reach):.3f} reachable"
                         f" {len(reach)} {'agrees' if same else 'DIFFERS'}"))
        if "igraph-counts" not in skip:
            t, nodes, edges = igraph_counts(ig, g, members, needs)
            same = nodes == check["node_disjoint"] and edges == check["edge_disjoint"]
            ok &= same
            rows.append(("igraph counts only", t, f"node_disjoint {nodes} edge_disjoint {edges}"
                         f" {'agrees' if same else 'DIFFERS'}"))
        for what, t, note in rows:
            print(f"  {what:26s} {t * 1e3:10.1f} ms   engine/peer {engine / t:8.4f}   {note}")
        load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
        print(f"  checks: {'all agree' if ok else 'MISMATCH'}   (load average {load} at end)")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
