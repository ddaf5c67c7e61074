#!/usr/bin/env python3
"""Builds Dossier's own date test set and scores predictions on it class by class.

  python3 tools/date_set.py build          eval/dates/paragraphs.txt -> eval/dates/gold.jsonl
  python3 tools/date_set.py classes PRED   the official scorer's DATE figures per class
  python3 tools/date_set.py forms GOLD PRED  the same for another gold file (the dev set),
                                           its dates put in classes by their form

The paragraphs were written for this set (see the header of paragraphs.txt); each
date is marked [[text|value]] or [[text|TYPE|value]] with its TIMEX3 value. The
gold file has the development set's format (code-point offsets, end exclusive),
so `make eval GOLD=eval/dates/gold.jsonl` scores it like the dev set.
"""
import importlib.util
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATES = os.path.join(ROOT, "eval", "dates")
SOURCE = os.path.join(DATES, "paragraphs.txt")
GOLD = os.path.join(DATES, "gold.jsonl")
SCORER = os.path.join(ROOT, "..", "shared", "eval", "score.py")
MARK = re.compile(r"\[\[([^|\]]+)\|(?:(DATE|TIME|DURATION|SET)\|)?([^\]]+)\]\]")
CLASSES = {
    "1": "month or weekday without a year",
    "2": "comparison periods",
    "3": "financial calendars",
    "4": "vague parts of a period",
    "5": "holidays and named days",
    "6": "the document's own date",
    "7": "wire style",
}


def parse(source):
    """The paragraphs as gold records, in the order written."""
    records = []
    for block in re.split(r"\n(?=## )", source):
        if not block.startswith("## "):
            continue
        header, _, body = block.partition("\n")
        doc_id, dct, cls = header[3:].split()
        if cls not in CLASSES:
            sys.exit(f"{doc_id}: unknown class {cls}")
        marked = body.strip()
        text, timexes, at = "", [], 0
        for m in MARK.finditer(marked):
            text += marked[at:m.start()]
            span, kind, value = m.group(1), m.group(2) or "DATE", m.group(3)
            timexes.append({"start": len(text), "end": len(text) + len(span),
                            "type": kind, "value": value, "text": span})
            text += span
            at = m.end()
        text += marked[at:]
        if "[[" in text or "]]" in text:
            sys.exit(f"{doc_id}: a mark is not closed")
        record = {"id": f"dates/{doc_id}", "corpus": "dossier-dates", "subcorpus": f"class-{cls}",
                  "title": text.split("\n")[0], "text": text, "layers": ["timexes"],
                  "timexes": timexes}
        if dct != "-":
            record["dct"] = dct
        records.append(record)
    return records


def build():
    records = parse(open(SOURCE, encoding="utf-8").read())
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate paragraph ids")
    with open(GOLD, "w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["timexes"]) for r in records)
    print(f"{GOLD}: {len(records)} paragraphs, {n} timexes")


def classes(pred_path):
    spec = importlib.util.spec_from_file_location("score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.read_jsonl(GOLD)
    preds = {d["id"]: d for d in scorer.read_jsonl(pred_path)}
    print(f"{'class':<36} {'docs':>4} {'dates':>5} {'det F1':>7} {'norm acc':>9}")
    held_out = lambda d: d["id"].startswith("dates/h-")
    rows = [(cls, name, lambda d, c=cls: d["subcorpus"] == f"class-{c}") for cls, name in CLASSES.items()]
    rows += [("all", "all classes", lambda d: True),
             ("h", "held out (written after the fixes)", held_out),
             ("-", "the rest", lambda d: not held_out(d))]
    for cls, name, keep in rows:
        docs = [d for d in gold if keep(d)]
        res = scorer.score(docs, preds)
        dates, norm = res["dates"], res["normalization"]
        acc = f"{100 * norm['acc']:.1f}" if norm["eligible"] else "n/a"
        print(f"{cls + ' ' + name:<36} {len(docs):>4} {dates['gold']:>5} {100 * dates['f1']:>7.1f} {acc:>9}")


# The form of a gold date's text that puts it in a class, first match wins; the
# document's own date (class 6) is no form of a date mention.
FORMS = [
    ("2", re.compile(r"year (ago|earlier|before)|year-(earlier|ago)|same (period|month|quarter|time)", re.I)),
    ("3", re.compile(r"quarter|\bhalf\b|fiscal|months|year-to-date|year to date", re.I)),
    ("5", re.compile(r"christmas|easter|thanksgiving|new year's|election day|memorial day|labor day|independence day|valentine", re.I)),
    ("4", re.compile(r"\b(early|late|mid|middle|end of|beginning of|start of|later this|earlier this|turn of)\b", re.I)),
    ("1", re.compile(r"^(on |in )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(on )?(mon|tues|wednes|thurs|fri|satur|sun)day('s)?$", re.I)),
    ("7", re.compile(r"\b(ago|the day before|last night|yesterday|today|tonight)\b", re.I)),
]


def form_class(text):
    return next((cls for cls, pattern in FORMS if pattern.search(text)), "other")


def forms(gold_path, pred_path):
    """Another gold file's DATE figures per class of form: each gold date kept alone
    in a copy of its document, scored against the predictions that overlap it."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = [d for d in scorer.read_jsonl(gold_path) if "timexes" in d.get("layers", [])]
    preds = {d["id"]: d for d in scorer.read_jsonl(pred_path)}
    print(f"{'class (by form)':<36} {'dates':>5} {'recall':>7} {'norm acc':>9}")
    for cls, name in [*CLASSES.items(), ("other", "other forms")]:
        if cls == "6":
            continue
        found = eligible = correct = n = 0
        for d in gold:
            pred = preds.get(d["id"], {}).get("timexes", [])
            for t in d["timexes"]:
                if t["type"] != "DATE" or form_class(t["text"]) != cls:
                    continue
                n += 1
                hits = [p for p in pred if p["start"] < t["end"] and t["start"] < p["end"]]
                found += bool(hits)
                if scorer.CALENDAR.match(t["value"]):
                    eligible += 1
                    correct += any(str(p.get("value", "")).split("T")[0] == t["value"] for p in hits)
        recall = f"{100 * found / n:.1f}" if n else "n/a"
        acc = f"{100 * correct / eligible:.1f}" if eligible else "n/a"
        print(f"{cls + ' ' + name:<36} {n:>5} {recall:>7} {acc:>9}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
    elif len(sys.argv) == 3 and sys.argv[1] == "classes":
        classes(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "forms":
        forms(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
