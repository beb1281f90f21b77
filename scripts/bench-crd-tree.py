#!/usr/bin/env python3
"""Cold-load benchmark of a real-world-shaped tree: 400 CustomResourceDefinitions (each with an
OpenAPI schema of about 1,000 lines, as operators ship them) and 100 objects NetPolViz reads
(Namespaces, Deployments, Services, NetworkPolicies), in 50 files.

Generates the tree (seeded, so every run reads the same bytes), then runs the CLI's `analyze`
end to end in a fresh JVM (a cold load: parse, build, compile, evaluate, print) several times
and prints each wall time and the median.

    mvn -B -o -q package -DskipTests        # builds target/netpolviz.jar
    python3 scripts/bench-crd-tree.py [--runs 5] [--jar target/netpolviz.jar] [--keep DIR]
"""
import argparse, os, random, resource, shutil, statistics, subprocess, sys, tempfile, time

def schema(rng, depth, indent):
    pad = " " * indent
    out = []
    for i in range(rng.randint(3, 6)):
        name = "field%d%s" % (i, rng.choice(["Name", "Spec", "Ref", "Count", "Mode"]))
        out.append(f"{pad}{name}:")
        out.append(f"{pad}  description: {name} configures the {rng.choice(['endpoint','selector','retention','storage','relabeling'])} of the resource; see the operator documentation for details.")
        if depth > 0:
            out.append(f"{pad}  type: object")
            out.append(f"{pad}  properties:")
            out.extend(schema(rng, depth - 1, indent + 4))
        else:
            out.append(f"{pad}  type: {rng.choice(['string','integer','boolean'])}")
            if rng.random() < 0.3:
                out.append(f"{pad}  enum: [{', '.join(rng.choice(['A','B','C','D']) for _ in range(3))}]")
    return out

def crd(rng, i):
    group = "example%d.monitoring.io" % (i % 20)
    plural = "things%d" % i
    lines = ["apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata:",
             f"  name: {plural}.{group}", "  annotations:", "    controller-gen.kubebuilder.io/version: v0.16.1",
             "spec:", f"  group: {group}", "  names:", f"    kind: Thing{i}", f"    plural: {plural}", "  scope: Namespaced",
             "  versions:", "  - name: v1", "    served: true", "    storage: true", "    schema:", "      openAPIV3Schema:",
             "        type: object", "        properties:", "          spec:", "            type: object", "            properties:"]
    body = []
    while len(body) < 1000:
        body.extend(schema(rng, 2, 14))
    return "\n".join(lines + body) + "\n"

def objects(i):
    ns = "team%d" % (i % 5)
    app = "app%d" % i
    return f"""apiVersion: apps/v1
kind: Deployment
metadata: {{name: {app}, namespace: {ns}}}
spec:
  selector: {{matchLabels: {{app: {app}}}}}
  template:
    metadata: {{labels: {{app: {app}, team: {ns}}}}}
    spec: {{containers: [{{name: main, image: nginx}}]}}
---
apiVersion: v1
kind: Service
metadata: {{name: {app}, namespace: {ns}}}
spec: {{selector: {{app: {app}}}, ports: [{{port: 80, targetPort: 8080}}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {{name: {app}-in, namespace: {ns}}}
spec:
  podSelector: {{matchLabels: {{app: {app}}}}}
  ingress: [{{from: [{{podSelector: {{matchLabels: {{team: {ns}}}}}}}], ports: [{{port: 8080}}]}}]
"""

def generate(root):
    rng = random.Random(15)
    os.makedirs(os.path.join(root, "crds"), exist_ok=True)
    os.makedirs(os.path.join(root, "apps"), exist_ok=True)
    for f in range(20):  # 20 files of 20 CRDs, as charts and operators bundle them
        with open(os.path.join(root, "crds", "crds-%02d.yaml" % f), "w") as out:
            out.write("---\n".join(crd(rng, f * 20 + k) for k in range(20)))
    with open(os.path.join(root, "apps", "namespaces.yaml"), "w") as out:
        out.write("---\n".join(f"apiVersion: v1\nkind: Namespace\nmetadata: {{name: team{t}}}\n" for t in range(5)))
    for i in range(32):  # 32 x 3 objects + 5 namespaces = 101 objects
        with open(os.path.join(root, "apps", "app%02d.yaml" % i), "w") as out:
            out.write(objects(i))

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--jar", default="target/netpolviz.jar")
    p.add_argument("--keep", help="write the tree here and keep it")
    a = p.parse_args()
    root = a.keep or tempfile.mkdtemp(prefix="crd-tree-")
    generate(root)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs)
    print(f"tree {root}: 400 CRDs + 101 objects, {size / 1e6:.1f} MB", flush=True)
    times, cpus = [], []
    for run in range(a.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        done = subprocess.run(["java", "-jar", a.jar, "analyze", root], capture_output=True, text=True)
        times.append(time.monotonic() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU time (all the JVM's threads) says little on a shared machine less than wall time does.
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            sys.exit("analyze failed with exit code %d" % done.returncode)
        print(f"run {run + 1}: {times[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU (exit {done.returncode})", flush=True)
    print(f"median cold analyze: {statistics.median(times):.2f} s wall, {statistics.median(cpus):.2f} s CPU, over {a.runs} runs;"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not a.keep:
        shutil.rmtree(root)

if __name__ == "__main__":
    main()
