#!/usr/bin/env python3
"""Builds Dossier's own date test set and scores predictions on it class by class.

  python3 tools/date_set.py build          eval/dates/paragraphs.txt -> eval/dates/gold.jsonl
  python3 tools/date_set.py classes PRED   the official scorer's DATE figures per class

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


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
    elif len(sys.argv) == 3 and sys.argv[1] == "classes":
        classes(sys.argv[2])
    else:
        sys.exit(__doc__)
