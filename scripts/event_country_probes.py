"""Generate probes from shipped data: capitals/cities "in CITY", country names, demonyms."""
import json, re, sys
from pathlib import Path
D = Path(__file__).resolve().parent.parent / "src/reportedly/data"
SMALL = {"OF", "AND", "THE", "DE", "DEL", "DA", "DO", "DU", "LA", "LE", "DES", "D'", "EL"}
SUFFIX = ("AN", "ESE", "I", "ISH", "IC", "CH", "OT", "EG", "SWISS", "THAI", "ZE", "NG", "QI", "ER")
legacy = dict(l.split("\t") for l in (D/"cameo_legacy_countries.tsv").read_text().splitlines() if l and not l.startswith("#"))
def title(phrase):
    words = phrase.strip("_").split("_")
    out = []
    for i, w in enumerate(words):
        if i and w in SMALL: out.append(w.lower())
        else: out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)
entries = []
cur = None
for line in (D/"petrarch/Phoenix.Countries.actors.txt").open(encoding="utf-8", errors="replace"):
    line = line.split("#",1)[0].rstrip()
    if not line.strip(): continue
    codes = re.findall(r"\[([^\]]*)\]", line)
    name = re.sub(r"\[[^\]]*\]", "", line).strip()
    if name and not line[0].isspace() and not name.startswith("+"):
        cur = {"name": name, "syn": [], "codes": []}; entries.append(cur)
    elif name.startswith("+") and cur: cur["syn"].append(name[1:])
    if cur: cur["codes"] += codes
probes = []
def add(text, exp, kind, day="2010-06-15"):
    probes.append({"id": f"g{len(probes)}", "published": day, "text": text, "expect": exp, "kind": kind})
for e in entries:
    cs = [c.strip() for c in e["codes"]]
    if len(cs) != 1 or not re.fullmatch(r"[A-Z]{3}", cs[0]): continue
    code = legacy.get(cs[0], cs[0])
    if code in {"IGO","NGO","IMG","MNC","UIS","NGM","INT","USR"}: continue
    good = lambda s: not re.search(r"[(),.'0-9]", s) and len(s.strip("_").split("_")) <= 4
    places = [s for s in [e["name"]] + e["syn"] if good(s)]
    adjs = [s for s in places if "_" not in s.strip("_") and s.strip("_").endswith(SUFFIX) and s != e["name"]][:2]
    pl = [s for s in places if s not in adjs and "REPUBLIC" not in s and "KINGDOM" not in s and "STATE" not in s][:4]
    for p in pl:
        add(f"Police in {title(p)} arrested dozens of opposition supporters.", code, "place")
    for a in adjs:
        add(f"{title(a)} police arrested dozens of opposition supporters.", code, "demonym")
for l in (D/"event_cities.tsv").read_text().splitlines():
    if l.startswith("#") or not l.strip(): continue
    city, c = l.split("\t"); add(f"Police in {city} arrested dozens of opposition supporters.", c.strip(), "city")
for l in (D/"event_capitals.tsv").read_text().splitlines():
    if l.startswith("#") or not l.strip(): continue
    city, c = l.split("\t")
    if c[:3] in ("IGO",): continue
    add(f"Police in {city} arrested dozens of opposition supporters.", legacy.get(c[:3], c[:3]), "capital")
with open(sys.argv[1], "w") as f:
    for p in probes: f.write(json.dumps(p) + "\n")
from collections import Counter
print(len(probes), Counter(p["kind"] for p in probes))
