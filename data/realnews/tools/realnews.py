#!/usr/bin/env python3
"""Helpers for the real-news labelled set (issue 14).

The article text lives in a local cache outside the repository (third-party text is never committed):
  ${WATCHFLOOR_REALNEWS_CACHE:-~/.cache/watchfloor/realnews}/raw/<id>.txt
  line 1: the URL; line 2: the title; line 3: blank; then the text (title and about the first 2,000 characters).

A document is title + "\n" + text; sentence 0 is the title. Sentence spans are offsets into the document.

  realnews.py split ID...     print the numbered sentences of cached articles (what the `sents` labels index)
  realnews.py check BATCH     validate data/realnews/labels/BATCH.yaml and write data/realnews/spans/BATCH.tsv
  realnews.py stats           counts over every batch: levels, kinds, theatres, sentences, missing cache files
"""
import hashlib, os, re, sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = os.path.join(ROOT, "data", "realnews")
CACHE = os.environ.get("WATCHFLOOR_REALNEWS_CACHE", os.path.expanduser("~/.cache/watchfloor/realnews"))
LEVELS = ["LOW", "GUARDED", "ELEVATED", "HIGH", "SEVERE"]
KINDS = {"conflict", "deescalation", "hard_negative"}
SUBJECTS_NEG = {"sport", "business", "crime", "disaster", "culture", "history", "domestic_politics", "health",
                "science", "other"}
CLASSES = {"none", "vcp", "mcp", "vcf", "mcf"}
FLAGS = {"act", "rhet", "neg", "hedge", "bg"}
THEATRES = {"korea", "japan", "taiwan_strait", "south_china_sea", "china_us", "russia_ukraine", "europe_nato",
            "balkans_caucasus", "israel_palestine", "lebanon_syria", "iran_gulf", "yemen_red_sea", "iraq",
            "sudan", "sahel_west_africa", "horn_of_africa", "central_africa", "libya_north_africa",
            "india_pakistan", "afghanistan", "myanmar_southeast_asia", "latin_america", "north_america",
            "global", "none"}
ABBR = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov", "sen", "rep", "st", "jr",
        "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "prof", "rev", "gov", "lt-gen", "maj-gen", "brig", "u.s", "u.k", "u.n", "e.g", "i.e"}
BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def read_raw(aid):
    path = os.path.join(CACHE, "raw", aid + ".txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    url, title = lines[0].strip(), lines[1].strip()
    text = "\n".join(lines[3:]).strip()
    return url, title, text


def sentences(title, text):
    """Spans (start, end) into title + "\n" + text; the first is the title."""
    doc = title + "\n" + text
    spans = [(0, len(title))]
    base = len(title) + 1
    pos = 0
    for para in text.split("\n"):
        pstart = base + pos
        pos += len(para) + 1
        start = 0
        for m in BOUNDARY.finditer(para):
            before = para[start:m.start() + 1].rstrip(".!?\"'\u201d\u2019)]")
            last = re.split(r"\s", before)[-1].lower() if before else ""
            if last in ABBR or re.fullmatch(r"[a-z]", last) or re.fullmatch(r"([a-z]\.)+[a-z]", last):
                continue
            seg = para[start:m.end()].strip()
            if seg:
                s = pstart + start + (len(para[start:m.end()]) - len(para[start:m.end()].lstrip()))
                spans.append((s, s + len(seg)))
            start = m.end()
        seg = para[start:].strip()
        if seg:
            s = pstart + start + (len(para[start:]) - len(para[start:].lstrip()))
            spans.append((s, s + len(seg)))
    return doc, spans


def cmd_split(ids):
    for aid in ids:
        url, title, text = read_raw(aid)
        doc, spans = sentences(title, text)
        print(f"== {aid}  {url}")
        for i, (s, e) in enumerate(spans):
            print(f"  {i}: {doc[s:e]}")


def state_ids():
    with open(os.path.join(ROOT, "config", "actors.yaml"), encoding="utf-8") as f:
        actors = yaml.safe_load(f)
    return {s["id"] for s in actors.get("states", [])}


def topic_ids():
    with open(os.path.join(ROOT, "config", "topics.yaml"), encoding="utf-8") as f:
        topics = yaml.safe_load(f)
    return {t["id"] for t in topics["topics"]}


def load(batch):
    with open(os.path.join(DATA, "labels", batch + ".yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f) or []


def cmd_check(batch, quiet=False):
    states, topics = state_ids(), topic_ids()
    errors, rows = [], []
    seen = set()
    for a in load(batch):
        aid = a.get("id", "?")
        def err(msg):
            errors.append(f"{aid}: {msg}")
        if aid in seen:
            err("duplicate id")
        seen.add(aid)
        for key in ("url", "theatre", "kind", "story", "political", "level", "accepted", "states", "topics", "sents"):
            if key not in a:
                err(f"missing {key}")
        if errors and errors[-1].startswith(f"{aid}: missing"):
            continue
        if a["level"] not in LEVELS:
            err(f"level {a['level']}")
            continue
        acc = a["accepted"]
        if a["level"] not in acc or len(acc) > 2 or any(x not in LEVELS for x in acc) or (
                len(acc) == 2 and abs(LEVELS.index(acc[0]) - LEVELS.index(acc[1])) != 1):
            err(f"accepted {acc} must hold the level and at most one adjacent level")
        if a["kind"] not in KINDS:
            err(f"kind {a['kind']}")
        if a["kind"] == "hard_negative" and a.get("subject") not in SUBJECTS_NEG:
            err(f"hard_negative needs subject in {sorted(SUBJECTS_NEG)}")
        if a["theatre"] not in THEATRES:
            err(f"theatre {a['theatre']}")
        for s in a["states"] or []:
            if s not in states:
                err(f"state {s} is not a gazetteer state id")
        for t in a["topics"] or []:
            if t not in topics:
                err(f"topic {t}")
        try:
            url, title, text = read_raw(aid)
        except OSError:
            err("no cache file")
            continue
        if url != a["url"]:
            err("url differs from the cache file's")
        doc, spans = sentences(title, text)
        labelled = set()
        for s in a["sents"] or []:
            parts = str(s).split()
            if len(parts) < 3:
                err(f"sentence label '{s}'")
                continue
            try:
                idx, sev = int(parts[0]), int(parts[2])
            except ValueError:
                err(f"sentence label '{s}'")
                continue
            if idx >= len(spans) or parts[1] not in CLASSES or not 0 <= sev <= 4 or any(
                    f not in FLAGS for f in parts[3:]):
                err(f"sentence label '{s}' (article has {len(spans)} sentences)")
                continue
            if parts[1] == "none" and sev != 0:
                err(f"sentence label '{s}': class none has severity 0")
            labelled.add(idx)
            st, en = spans[idx]
            h = hashlib.sha1(doc[st:en].encode("utf-8")).hexdigest()[:10]
            rows.append(f"{aid}\t{idx}\t{st}\t{en}\t{h}\t{parts[1]}\t{sev}\t{','.join(parts[3:])}")
        need = set(range(min(len(spans), 4)))
        if not need <= labelled:
            err(f"sentences {sorted(need - labelled)} unlabelled (label the title and at least sentences 1-3)")
    if errors:
        print("\n".join(errors))
        return False
    with open(os.path.join(DATA, "spans", batch + ".tsv"), "w", encoding="utf-8") as f:
        f.write("id\tidx\tstart\tend\tsha1\tclass\tseverity\tflags\n")
        f.write("\n".join(rows) + "\n")
    if not quiet:
        print(f"{batch}: {len(seen)} articles, {len(rows)} sentences, OK")
    return True


def cmd_stats():
    from collections import Counter
    arts = []
    for name in sorted(os.listdir(os.path.join(DATA, "labels"))):
        if name.endswith(".yaml"):
            arts += load(name[:-5])
    c = lambda k: Counter(str(a.get(k)) for a in arts)
    print("articles", len(arts), "sentences", sum(len(a.get("sents") or []) for a in arts))
    for k in ("level", "kind", "theatre", "subject", "political"):
        print(k, dict(c(k).most_common()))
    urls = Counter(a.get("url") for a in arts)
    print("duplicate urls", [u for u, n in urls.items() if n > 1])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "split":
        cmd_split(args)
    elif cmd == "check":
        sys.exit(0 if all([cmd_check(b) for b in args]) else 1)
    elif cmd == "stats":
        cmd_stats()
    else:
        print(__doc__)
        sys.exit(2)
