"""A measured probe: does a character CRF find the entity names the rules miss on pages nobody tuned on?

Not part of the pipeline (nothing in kg imports it). It trains a linear-chain
CRF (python-crfsuite, pinned: ``pip install python-crfsuite==0.9.12``) on the
repository's own annotations only -- the team-written held-out pages
``bench/heldout/articles`` + ``gold`` (h01-h32) and the seed pages
``seeds/`` with their gold (``tests/data/gold/seeds`` when the repo has it,
else ``../shared/gold/seeds``; without either the seeds are left out and the
script says so) -- and scores it on a pages + gold folder pair that it never
trains on.

Data: every page goes through kg's own prepare stage
(``kg.prepare.prepare_article``); each line of the body, cut after 。！？；,
is one character sequence. Its BIO tags come from the page's gold: the names
and aliases of every entity that is not ``optional`` (implicit ones included:
where the page does write them, they are mentions), found in the sequence
longest first, a match never overlapping an earlier one, compared with the
quotation and book-title marks taken out (so ``“邻里帮”计划`` holds the
alias ``邻里帮计划``). Optional entities and ``noise`` names are tagged O.

Features: ``bench/crf_features.py`` (characters, jieba words and parts of
speech, small kind-word tables, the gazetteer, quotation marks), in groups;
which groups and which c1/c2 were chosen by ``cv``, figures in
``bench/crf-probe.md``.

Scoring is the reference scorer's (``kg.tools.evaluate.score_graph``): the
distinct (class, name) pairs the CRF tags over the whole folder become one
graph node each, so a name matches a gold entity when it equals its name or an
alias, a second name of the same entity is a duplicate (a false positive),
and implicit or optional gold entities are neither rewarded nor penalised.

    python bench/crf_probe.py cv                        # leave one batch out over h01-h32 + seeds
    python bench/crf_probe.py eval --pages DIR --gold DIR [--rules OUT]

``--rules OUT`` (a ``kg build`` output folder of the same pages) adds the
rules' figures and those of the union (the rules' graph plus every CRF name
that no rule entity of that class carries). Training is deterministic
(L-BFGS, fixed parameters and feature order, pages in name order).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from rdflib import RDF, RDFS, Graph, Literal, Namespace  # noqa: E402
from rdflib.namespace import SKOS  # noqa: E402

from kg.model import TOP_CLASSES  # noqa: E402
from kg.tools.evaluate import load_gold, normalise_name, predicted_entities, score_graph  # noqa: E402

from crf_features import FEATURE_SETS, sequence_features  # noqa: E402

TAG_OF = {"AdministrativeUnit": "ADM", "PartyOrganization": "ORG", "Program": "PRG",
          "Facility": "FAC", "Partner": "PTN", "Person": "PER"}
CLASS_OF = {tag: cls for cls, tag in TAG_OF.items()}

SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
MARKS = re.compile(r"[\s“”‘’\"'「」『』《》〈〉【】]")

BATCHES = ("seeds", "h01-h12", "h13-h18", "h19-h26", "h27-h32")  # the folds: one batch of annotation each
DEFAULT = {"c1": 0.05, "c2": 0.01, "features": "all+words", "iterations": 200}  # chosen by cv (bench/crf-probe.md)


# ------------------------------------------------------------------- data
def repo_pages() -> tuple[list[tuple[Path, Path]], str]:
    """(page, gold) pairs of the repo's own annotations, and a note on where the seeds' gold came from."""
    pairs = [(p, REPO / "bench/heldout/gold" / f"{p.stem}.json")
             for p in sorted((REPO / "bench/heldout/articles").glob("*.txt"))]
    for gold_dir in (REPO / "tests/data/gold/seeds", REPO.parent / "shared/gold/seeds"):
        if gold_dir.is_dir():
            pairs += [(p, gold_dir / f"{p.stem}.json") for p in sorted((REPO / "seeds").glob("*.txt"))]
            return pairs, f"seeds' gold from {gold_dir}"
    return pairs, "no seeds' gold found: seeds left out"


def folder_pages(pages: Path, gold: Path) -> list[tuple[Path, Path]]:
    return [(p, gold / f"{p.stem}.json") for p in sorted(pages.glob("*.txt")) if (gold / f"{p.stem}.json").exists()]


def body_sequences(path: Path) -> list[str]:
    """The body of the page as kg's prepare stage sees it, one string per sentence of each line."""
    from kg.prepare import prepare_article
    from kg.prepare.read import read_file

    article = prepare_article(read_file(path)[0])
    out = []
    for start, end in article.body:
        for line in article.text[start:end].split("\n"):
            out += [piece for piece in SENTENCE_END.split(line) if piece.strip()]
    return out


def gold_surfaces(gold_path: Path, whole_chains: bool = False) -> list[tuple[str, str]]:
    """(surface, tag) of the page's non-optional entities, longest surface first, then by class order.

    A unit's alias that is a chain of the page's other unit names (``某区某街道`` beside ``某区`` and
    ``某街道``) is left out unless ``whole_chains``: the chain is then tagged as its parts, so
    that the model learns one span per unit (cross-validated: see bench/crf-probe.md).
    """
    doc = json.loads(gold_path.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    order = list(TAG_OF)
    units = {normalise_name(n) for e in doc["entities"] if e["type"] == "AdministrativeUnit"
             for n in (e["name"], *e.get("aliases", []))}
    for e in sorted(doc["entities"], key=lambda e: order.index(e["type"])):
        if e.get("optional") or e["type"] not in TAG_OF:
            continue
        for i, name in enumerate((e["name"], *e.get("aliases", []))):
            surface = normalise_name(name)
            if i and e["type"] == "AdministrativeUnit" and not whole_chains and is_chain(surface, units - {surface}):
                continue
            if len(surface) > 1:
                found.setdefault(surface, TAG_OF[e["type"]])
    return sorted(found.items(), key=lambda st: (-len(st[0]), order.index(CLASS_OF[st[1]]), st[0]))


def is_chain(surface: str, parts: set[str]) -> bool:
    """Whether ``surface`` is two or more of ``parts`` written one after the other."""
    return any(surface.startswith(p) and (surface[len(p):] in parts or is_chain(surface[len(p):], parts))
               for p in parts if 0 < len(p) < len(surface))


def bio_tags(text: str, surfaces: list[tuple[str, str]]) -> list[str]:
    """BIO tags of ``text``: each surface, longest first, where it occurs with the marks taken out and
    no character of it is tagged yet; the span runs from its first to its last character."""
    kept = [i for i, ch in enumerate(text) if not MARKS.match(ch)]
    bare = "".join(text[i] for i in kept)
    tags = ["O"] * len(text)
    for surface, tag in surfaces:
        at = bare.find(surface)
        while at >= 0:
            begin, end = kept[at], kept[at + len(surface) - 1] + 1
            if all(t == "O" for t in tags[begin:end]):
                tags[begin:end] = [f"I-{tag}"] * (end - begin)
                tags[begin] = f"B-{tag}"
            at = bare.find(surface, at + len(surface))
    return tags


def spans_of(text: str, tags: list[str]) -> list[tuple[str, str]]:
    """(tag, surface) of the entity spans in a tag sequence (an I- after O or another class starts one)."""
    out, begin, current = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else None
        if begin is not None and (tag == "O" or tag.startswith("B-") or kind != current):
            out.append((current, text[begin:i]))
            begin = current = None
        if kind is not None and begin is None:
            begin, current = i, kind
    return out


# ---------------------------------------------------------------- CRF
def page_data(pairs: list[tuple[Path, Path]], whole_chains: bool = False) -> list[tuple[str, str, list[str]]]:
    """(page stem, sequence, tags) of every body sequence of the pages."""
    data = []
    for page, gold in pairs:
        surfaces = gold_surfaces(gold, whole_chains)
        data += [(page.stem, text, bio_tags(text, surfaces)) for text in body_sequences(page)]
    return data


def train(data, groups, c1, c2, iterations, model_path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for _, text, tags in data:
        trainer.append(sequence_features(text, groups), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(model_path))


def tag_pages(data, groups, model_path: Path) -> tuple[set[tuple[str, str]], dict[str, float]]:
    """The distinct (class, name) the model tags over all sequences, and timings (CPU seconds, bytes)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    found, feat_s, tag_s, size = set(), 0.0, 0.0, 0
    for _, text, _ in data:
        t0 = time.process_time()
        features = sequence_features(text, groups)
        t1 = time.process_time()
        tags = tagger.tag(features)
        t2 = time.process_time()
        feat_s, tag_s, size = feat_s + t1 - t0, tag_s + t2 - t1, size + len(text.encode("utf-8"))
        for tag, surface in spans_of(text, tags):
            name = normalise_name(surface)
            if name:
                found.add((CLASS_OF[tag], name))
    return found, {"features_s": feat_s, "tag_s": tag_s, "bytes": size}


# ---------------------------------------------------------------- scoring
CRF = Namespace("urn:kg-crf-probe/")  # the scorer reads a class by the local name after the last /


def names_graph(names: set[tuple[str, str]], base: Graph | None = None) -> Graph:
    """A graph with one node per (class, name), added to a copy of ``base``, leaving out the names (labels and
    alternative labels) ``base``'s entities of that class carry (the union: rule entities plus the CRF names
    the rules do not have)."""
    graph = Graph()
    have = set()
    if base is not None:
        for triple in base:
            graph.add(triple)
        have = {(cls, normalise_name(n)) for node, e in predicted_entities(base).items() for cls in e["types"]
                for n in (*e["names"], *base.objects(node, SKOS.altLabel))}
    for i, (cls, name) in enumerate(sorted(names - have)):
        node = CRF[f"e{i}"]
        graph.add((node, RDF.type, CRF[cls]))
        graph.add((node, RDFS.label, Literal(name)))
    return graph


def gold_of(pairs: list[tuple[Path, Path]]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for _, gold in pairs:
            (Path(tmp) / gold.name).symlink_to(gold.resolve())
        return load_gold(Path(tmp))


def table(rows: list[tuple[str, dict]]) -> str:
    head = f"{'':20s}" + "".join(f"{label:>28s}  " for label, _ in rows)
    lines = [head, f"{'':20s}" + "".join(f"{'P    R    F1     tp/ fp/ fn':>28s}  " for _ in rows)]
    for cls in (*TOP_CLASSES, "all"):
        cells = []
        for _, s in rows:
            v = s["entities"] if cls == "all" else s["per_type"][cls]
            cells.append(f"{v['p']:.2f} {v['r']:.2f} {v['f1']:.3f} {v['tp']:>4}/{v['fp']:>3}/{v['fn']:>3}".rjust(28) + " |")
        lines.append(f"{cls:20s}" + "".join(cells))
    lines.append(f"{'duplicates':20s}" + "".join(f"{s['duplicates']:>28d}  " for _, s in rows))
    return "\n".join(lines)


# ---------------------------------------------------------------- commands
def cross_validate(args) -> None:
    """Leave one batch out: train on the other batches, score the batch; counts summed over the folds."""
    pairs, note = repo_pages()
    print(note)
    data = page_data(pairs, args.whole_chains)
    for groups_name in args.features:
        for c1 in args.c1:
            for c2 in args.c2:
                groups, cpu = FEATURE_SETS[groups_name], time.process_time()
                counts = {cls: [0, 0, 0] for cls in (*TOP_CLASSES, "all")}
                per_batch = []
                for batch in BATCHES:
                    test = [p for p in pairs if batch_of(p[0].stem) == batch]
                    stems = {p[0].stem for p in test}
                    if not test:
                        continue
                    with tempfile.TemporaryDirectory() as tmp:
                        model = Path(tmp) / "m.crfsuite"
                        train([d for d in data if d[0] not in stems], groups, c1, c2, args.iterations, model)
                        found, _ = tag_pages([d for d in data if d[0] in stems], groups, model)
                    s = score_graph(names_graph(found), gold_of(test))
                    per_batch.append(f"{batch}={s['entities']['f1']:.3f}")
                    for cls in counts:
                        v = s["entities"] if cls == "all" else s["per_type"][cls]
                        counts[cls] = [a + v[k] for a, k in zip(counts[cls], ("tp", "fp", "fn"))]
                classes = " ".join(f"{TAG_OF[c]}={prf(*counts[c])[2]:.2f}" for c in TOP_CLASSES)
                p, r, f = prf(*counts["all"])
                print(f"{groups_name:20s} c1={c1:<5} c2={c2:<5} P={p:.3f} R={r:.3f} F1={f:.3f} | {classes} | "
                      f"{' '.join(per_batch)} | cpu {time.process_time() - cpu:.0f} s", flush=True)


def batch_of(stem: str) -> str:
    if not stem.startswith("h"):
        return "seeds"
    n = int(stem[1:])
    return "h01-h12" if n <= 12 else "h13-h18" if n <= 18 else "h19-h26" if n <= 26 else "h27-h32"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def evaluate(args) -> None:
    pairs, note = repo_pages()
    test = folder_pages(args.pages, args.gold)
    train_data, test_data = page_data(pairs), page_data(test)
    groups = FEATURE_SETS[args.features]
    chars = {cls: 0 for cls in TAG_OF.values()}
    for _, _, tags in train_data:
        for t in tags:
            if t.startswith("B-"):
                chars[t[2:]] += 1
    print(f"{note}\ntraining: {len(pairs)} pages, {len(train_data)} sequences, "
          f"{sum(len(d[1]) for d in train_data)} characters; tagged mentions: "
          + ", ".join(f"{CLASS_OF[t]} {n}" for t, n in chars.items()))
    with tempfile.TemporaryDirectory() as tmp:
        model = args.model or Path(tmp) / "model.crfsuite"
        cpu = time.process_time()
        train(train_data, groups, args.c1, args.c2, args.iterations, model)
        print(f"trained in {time.process_time() - cpu:.1f} s CPU; model {model.stat().st_size / 1024:.0f} KiB "
              f"(features={args.features} c1={args.c1} c2={args.c2} iterations={args.iterations})")
        sequence_features("热身", groups)  # load jieba and the gazetteer before the clock starts
        found, timing = tag_pages(test_data, groups, model)
    kb = timing["bytes"] / 1024
    print(f"test: {len(test)} pages, {kb:.0f} KB of body; tagging {kb / timing['tag_s']:.0f} KB/s CPU, "
          f"features + tagging {kb / (timing['tag_s'] + timing['features_s']):.0f} KB/s CPU (one core)")
    gold = gold_of(test)
    crf = score_graph(names_graph(found), gold)
    rows = [("CRF", crf)]
    if args.rules:
        from kg.rdf.export import load_graph

        rules_graph = load_graph(args.rules)
        rules = score_graph(rules_graph, gold)
        union = score_graph(names_graph(found, rules_graph), gold)
        rows += [("rules", rules), ("rules + CRF", union)]
    print(table(rows))
    if args.rules:
        added = {c: union["per_type"][c]["tp"] - rules["per_type"][c]["tp"] for c in TOP_CLASSES}
        cost = {c: union["per_type"][c]["fp"] - rules["per_type"][c]["fp"] for c in TOP_CLASSES}
        print(f"gold entities the rules miss and the CRF finds: {sum(added.values())} ("
              + ", ".join(f"{c} {n}" for c, n in added.items()) + ")")
        print(f"false positives the CRF adds to the rules: {sum(cost.values())} ("
              + ", ".join(f"{c} {n}" for c, n in cost.items()) + f"), of which "
              f"{union['duplicates'] - rules['duplicates']} second names of a gold entity already found")
    print(f"CRF names: {len(found)}; false positives {crf['entities']['fp']}, of which {crf['duplicates']} second "
          f"names of a gold entity it also found and {crf['entities']['fp'] - crf['duplicates']} no gold entity "
          f"(or one of another class)")
    if args.verbose:
        for label, s in rows:
            for cls in TOP_CLASSES:
                print(f"{label} {cls}\n   missed: {'、'.join(s['per_type'][cls]['missed'])}\n"
                      f"   false+: {'、'.join(s['per_type'][cls]['false_pos'])}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    cv = sub.add_parser("cv", help="leave one batch out over the repo's own annotations")
    cv.add_argument("--features", nargs="+", default=[DEFAULT["features"]], choices=sorted(FEATURE_SETS))
    cv.add_argument("--c1", nargs="+", type=float, default=[DEFAULT["c1"]])
    cv.add_argument("--c2", nargs="+", type=float, default=[DEFAULT["c2"]])
    cv.add_argument("--iterations", type=int, default=DEFAULT["iterations"])
    cv.add_argument("--whole-chains", action="store_true", help="tag a unit alias that chains unit names as one span")
    ev = sub.add_parser("eval", help="train on the repo's annotations, score on a pages + gold folder pair")
    ev.add_argument("--pages", type=Path, required=True)
    ev.add_argument("--gold", type=Path, required=True)
    ev.add_argument("--rules", type=Path, help="a kg build output folder of the same pages")
    ev.add_argument("--model", type=Path, help="keep the trained model here")
    ev.add_argument("--verbose", action="store_true", help="list misses and false positives (first 40 a class)")
    ev.add_argument("--features", default=DEFAULT["features"], choices=sorted(FEATURE_SETS))
    ev.add_argument("--c1", type=float, default=DEFAULT["c1"])
    ev.add_argument("--c2", type=float, default=DEFAULT["c2"])
    ev.add_argument("--iterations", type=int, default=DEFAULT["iterations"])
    args = ap.parse_args(argv)
    cross_validate(args) if args.command == "cv" else evaluate(args)


if __name__ == "__main__":
    main()
