"""Linkage on the linkage set: precision of `match`, recall of `match`+`probable`; and time.

tests/linkage/ holds real sources (city pages, register cards, decisions, news), each a text
and its .toml as tests/corpus/FORMAT.md says, and truth.toml, written by hand before any
linking: which records describe one project, and which different projects look alike.

The script reads every text with the real reader, links the records with hankkeet.link, and
counts pairs of records:

- precision of `match`: of the pairs that `match` groups put together, the share that are
  one project (target 1.0: no wrong merge);
- recall of `match`+`probable`: of the pairs that are one project, the share that `match`
  or `probable` groups put together (target 0.9);
- look-alike pairs: pairs of different projects that look alike, and how many of them
  ended in one `match` or `probable` group (wrong) or in `review` (right).

Each read record is the truth's record of its file with the closest name.

    python benchmarks/linkage.py             # the figures, and each wrong or missed pair
    python benchmarks/linkage.py --timing    # and 100 000 synthetic records, timed
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path

from hankkeet.library import project_records, read_projects
from hankkeet.link import (
    Identity,
    Linkage,
    Status,
    follow_up,
    link,
    link_identities,
    normalised_name,
    raw_lines,
)
from hankkeet.models import Project
from hankkeet.reading.sources import resolve

LINKAGE = Path(__file__).resolve().parents[1] / "tests" / "linkage"
# The input kinds of the set: texts, saved pages and register exports.
SOURCE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".csv", ".xlsx"})
# A read name this unlike the truth's names of its file is the reader's miss, not linking's.
MISNAMED_BELOW = 0.5


@dataclass(frozen=True)
class Score:
    """The pair counts of one linking run against the truth."""

    true_pairs: int
    match_pairs: int
    match_right: int
    found_pairs: int  # true pairs in one match or probable group
    found_wrong: int  # pairs of different projects in one match or probable group
    named_pairs: int  # true pairs of two records the reader named right
    named_found: int  # those in one match or probable group
    alike_pairs: int
    alike_joined: int  # look-alike record pairs in one match or probable group
    wrong: tuple[str, ...]
    missed: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Precision of `match` (1.0 when it made no pair)."""
        return self.match_right / self.match_pairs if self.match_pairs else 1.0

    @property
    def recall(self) -> float:
        """Recall of `match` + `probable`."""
        return self.found_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def named_recall(self) -> float:
        """Recall of `match` + `probable` over pairs of records the reader named right:
        what linking itself finds."""
        return self.named_found / self.named_pairs if self.named_pairs else 1.0


def read_set(folder: Path = LINKAGE) -> tuple[list[Project], list[tuple[str, ...]]]:
    """Every record of the set, in file order, with its own raw lines."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
    sources = resolve([str(p) for p in files])
    projects = list(project_records(read_projects(sources)))
    return projects, raw_lines(projects, sources)


def truth_of(
    projects: list[Project], folder: Path = LINKAGE
) -> tuple[list[str], list[set[str]], set[int]]:
    """Each record's true project id, the look-alike pairs of project ids, and the records
    the reader misnamed (a name unlike every name the truth gives its file: a page read
    without its name); linking cannot be asked to find those."""
    truth = tomllib.loads((folder / "truth.toml").read_text(encoding="utf-8"))
    by_file: dict[str, list[tuple[str, str]]] = {}
    for project in truth["project"]:
        for record in project["records"]:
            file, _, name = record.partition("#")
            by_file.setdefault(file, []).append((name, project["id"]))
    ids = []
    misnamed: set[int] = set()
    for n, project in enumerate(projects):
        candidates = by_file.get(Path(project.source.path).name, [])
        if not candidates:
            ids.append(f"unlisted-{n}")
            continue

        def likeness(candidate: tuple[str, str], name: str = project.name) -> float:
            return SequenceMatcher(
                None, normalised_name(candidate[0]), normalised_name(name)
            ).ratio()

        best = max(candidates, key=likeness)
        if likeness(best) < MISNAMED_BELOW:
            misnamed.add(n)
        ids.append(best[1])
    alike = [set(pair["projects"]) for pair in truth.get("alike", [])]
    return ids, alike, misnamed


def together(linkage: Linkage, statuses: set[Status]) -> set[tuple[int, int]]:
    """The pairs of records that groups of these statuses put together."""
    pairs: set[tuple[int, int]] = set()
    for group in linkage.groups:
        if group.status in statuses:
            pairs.update(combinations(sorted(group.members), 2))
    return pairs


# The later rounds of the set (`batch = "b3"`, `batch = "b4"` in truth.toml), each scored
# apart; the newest is the fresh held-out set, and "held out" means the held-out projects of
# no round.
ROUNDS = ("b3", "b4", "b5", "b6")
FRESH = ROUNDS[-1]


def held_out(folder: Path = LINKAGE, batch: str | None = None) -> set[str]:
    """The projects the rules were not tuned on (`held_out = true` in truth.toml): scored
    apart, so that the figures on them say how the fixed weights do on unseen sources.
    `batch` names one round of them (its `batch` key); None the held-out projects of no
    round."""
    truth = tomllib.loads((folder / "truth.toml").read_text(encoding="utf-8"))
    return {p["id"] for p in truth["project"] if p.get("held_out") and p.get("batch") == batch}


def score(
    projects: list[Project],
    linkage: Linkage,
    folder: Path = LINKAGE,
    part: str = "all",
) -> Score:
    """The pair counts of a linkage against the truth; `part` "old" counts only pairs of
    records of projects the rules were tuned on, "new" the pairs with a record of a held-out
    project of no round, a round's name (ROUNDS) those with a record of that round, "fresh"
    those of the newest round (FRESH); a wrong match between parts counts in each part it
    touches."""
    ids, alike, misnamed = truth_of(projects, folder)
    new = held_out(folder)
    rounds = {name: held_out(folder, name) for name in ROUNDS}
    unseen = new.union(*rounds.values())
    if part == "fresh":
        part = FRESH
    keep_pair: Callable[[int, int], bool]
    if part in rounds:
        members = rounds[part]
        keep_pair = lambda a, b: ids[a] in members or ids[b] in members  # noqa: E731
    else:
        keep_pair = {
            "all": lambda a, b: True,
            "old": lambda a, b: ids[a] not in unseen and ids[b] not in unseen,
            "new": lambda a, b: ids[a] in new or ids[b] in new,
        }[part]
    names = [f"{Path(p.source.path).name}:{p.source.line} {p.name}" for p in projects]
    true = {
        (a, b) for a, b in combinations(range(len(ids)), 2) if ids[a] == ids[b] and keep_pair(a, b)
    }
    matched = {pair for pair in together(linkage, {Status.MATCH}) if keep_pair(*pair)}
    found = {
        pair for pair in together(linkage, {Status.MATCH, Status.PROBABLE}) if keep_pair(*pair)
    }
    alike_pairs = {
        (a, b)
        for a, b in combinations(range(len(ids)), 2)
        if ids[a] != ids[b] and {ids[a], ids[b]} in alike and keep_pair(a, b)
    }
    return Score(
        true_pairs=len(true),
        match_pairs=len(matched),
        match_right=len(matched & true),
        found_pairs=len(found & true),
        found_wrong=len(found - true),
        named_pairs=len(named := {(a, b) for a, b in true if not {a, b} & misnamed}),
        named_found=len(found & named),
        alike_pairs=len(alike_pairs),
        alike_joined=len(alike_pairs & found),
        wrong=tuple(f"{names[a]}  +  {names[b]}" for a, b in sorted(matched - true)),
        missed=tuple(f"{names[a]}  +  {names[b]}" for a, b in sorted(true - found)),
    )


# --- timing --------------------------------------------------------------------------------

_SYLLABLES = [c + v for c in "klmnprstv" for v in "aiou"]


def _words(rng: random.Random, count: int) -> list[str]:
    """`count` made-up words of two to four syllables (a vocabulary of project names)."""
    return ["".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) for _ in range(count)]


_PROGRAMMES = ("EAKR", "ESR", "Leader", "Interreg", "JTF", None)


def synthetic(count: int, seed: int = 25) -> list[Identity]:
    """`count` identities like a country's worth of records: some 300 municipalities,
    names of two to four words, one project in five described by two or three sources."""
    rng = random.Random(seed)
    vocabulary = _words(rng, 3000)
    places = [f"kunta{n:03d}" for n in range(300)]
    out: list[Identity] = []
    while len(out) < count:
        name = " ".join(rng.sample(vocabulary, rng.randint(2, 4)))
        if rng.random() < 0.1:
            name += " ii"
        start = date(2014, 1, 1) + timedelta(days=rng.randrange(365 * 12))
        end = start + timedelta(days=rng.randrange(180, 1100))
        budget = Decimal(rng.randrange(20, 5000) * 1000)
        place = rng.choice(places)
        programme = rng.choice(_PROGRAMMES)
        for _copy in range(rng.choice((1, 1, 1, 1, 2, 3))):
            normalised = normalised_name(name)
            stem, numeral = follow_up(normalised)
            out.append(
                Identity(
                    index=len(out),
                    name=name,
                    normalised=normalised,
                    stem=stem,
                    numeral=numeral,
                    codes=(f"S{rng.randrange(10000, 99999)}",) if rng.random() < 0.3 else (),
                    municipality=place if rng.random() < 0.7 else None,
                    start=start if rng.random() < 0.8 else None,
                    end=end,
                    programme=programme,
                    budget=budget if rng.random() < 0.7 else None,
                )
            )
    return out[:count]


def timing(count: int = 100_000) -> tuple[float, Linkage]:
    """Seconds to link `count` synthetic records."""
    identities = synthetic(count)
    began = time.perf_counter()
    linkage = link_identities(identities)
    return time.perf_counter() - began, linkage


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--timing", action="store_true", help="also link 100 000 records")
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    projects, lines = read_set()
    linkage = link(projects, lines)
    result = score(projects, linkage)
    for part, title in (
        ("old", "tuned on (old)"),
        ("new", "held out (new)"),
        *((name, f"held out ({name})") for name in ROUNDS[:-1]),
        (FRESH, f"fresh held out ({FRESH})"),
    ):
        figures = score(projects, linkage, part=part)
        print(
            f"{title}: match precision {figures.precision:.3f} "
            f"({figures.match_right} of {figures.match_pairs} pairs), match+probable recall "
            f"{figures.recall:.3f} ({figures.found_pairs} of {figures.true_pairs} pairs; "
            f"{figures.named_recall:.3f} of pairs the reader named right), "
            f"look-alike pairs joined {figures.alike_joined} of {figures.alike_pairs}"
        )
    truth = tomllib.loads((LINKAGE / "truth.toml").read_text(encoding="utf-8"))
    listed = sum(len(p["records"]) for p in truth["project"])
    read_files = {Path(p.source.path).name for p in projects}
    unread = sorted(
        {r.partition("#")[0] for p in truth["project"] for r in p["records"]} - read_files
    )
    print(
        f"records read: {len(projects)} of the {listed} the truth lists; "
        f"pairs of one project among them: {result.true_pairs}"
    )
    for file in unread:
        print(f"  the reader finds no project in {file}")
    print(
        f"match precision: {result.precision:.3f} "
        f"({result.match_right} of {result.match_pairs} pairs)"
    )
    print(
        f"match+probable recall: {result.recall:.3f} "
        f"({result.found_pairs} of {result.true_pairs} pairs); of pairs the reader named "
        f"right: {result.named_recall:.3f} ({result.named_found} of {result.named_pairs})"
    )
    print(f"look-alike record pairs joined: {result.alike_joined} of {result.alike_pairs}")
    print(
        f"pairs of different projects in one match or probable group: {result.found_wrong}"
        " (misnamed records included)"
    )
    for line in result.wrong:
        print(f"  wrong match: {line}")
    for line in result.missed:
        print(f"  missed: {line}")
    if args.timing:
        seconds, big = timing(args.count)
        print(
            f"{args.count} synthetic records linked in {seconds:.1f} s "
            f"({big.compared} pairs compared, {len(big.groups)} groups)"
        )
    return 0 if result.precision == 1.0 and result.recall >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
