"""Score probe expectations against `reportedly extract --format plover` output."""
import json, sys
from collections import Counter
probes = [json.loads(l) for l in open(sys.argv[1])]
events = {}
for l in open(sys.argv[2]):
    if not l.startswith("{"): continue
    e = json.loads(l)
    events.setdefault(e["doc_id"], []).append(e)
ok = Counter(); tot = Counter(); fails = []
for p in probes:
    evs = events.get(p["id"], [])
    ev = evs[0] if evs else None
    act = ev["actor"][0]["country"] if ev and ev["actor"] else None
    rec = ev["recipient"][0]["country"] if ev and ev["recipient"] else None
    good = act == p["expect"]
    if p.get("expect_recipient", "-") != "-":
        good = good and rec == p["expect_recipient"]
    tot[p["kind"]] += 1
    if good: ok[p["kind"]] += 1
    else: fails.append((p["id"], p["published"], p["text"], p["expect"], p.get("expect_recipient", "-"), act, rec, ev["actor"][0]["code"] if ev and ev["actor"] else None))
for k in tot: print(k, ok[k], "/", tot[k])
print("all", sum(ok.values()), "/", sum(tot.values()))
with open(sys.argv[3], "w") as f:
    for x in fails: f.write("\t".join(map(str, x)) + "\n")
