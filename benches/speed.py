#!/usr/bin/env python3
"""Speed benchmark for `dedupe` (SPEC §6, issue 5). Python 3.11 standard library only.

Builds, deterministically, a ~50 MB folder of ~5,000+ article files from the
development corpus (each article written several times, each copy with its own
word substitution so the copies are distinct documents with the same
structure), the same bytes as one file, and four adversarial files; then runs,
interleaved, N rounds of:

  dedupe --out-dir OUT DIR          the whole job over the folder (needs batch mode)
  awk exact-line dedupe             find DIR -type f -print0 | xargs -0 awk '...'
  sha256sum                         find DIR -type f -print0 | xargs -0 sha256sum
  dedupe -o OUT one.txt             the same bytes as one file
  dedupe -o OUT <adversarial>       templated list, identical paragraphs,
                                    one 50 MB paragraph, 50 MB without a newline

and prints best-of-N wall time, MB/s, peak RSS (from /usr/bin/time -v, or
getrusage when it is missing) and the SPEC §6 ratios.

    python3 benches/speed.py                  # build data under target/bench, 3 rounds
    python3 benches/speed.py --rounds 5 --mb 50 --bin target/release/dedupe
    python3 benches/speed.py --only folder    # just the folder comparisons
    python3 benches/speed.py --json results.json

Nothing here is committed: the data lives under target/bench (or --work).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The development corpus sits beside the project in the team's checkout
# (../shared); a plain clone has only the fixtures, which serve as a smaller
# stand-in (--sources or DEDUPE_BENCH_SOURCES name another folder).
DEFAULT_SOURCES = Path(
    os.environ.get("DEDUPE_BENCH_SOURCES", ROOT.parent / "shared" / "bench-dev" / "data" / "dev")
)
FIXTURE_SOURCES = ROOT / "fixtures"
MB = 1_000_000
WORD = re.compile(r"[A-Za-z]{4,}")
TIME = "/usr/bin/time"


# ---------------------------------------------------------------- data


def substitute(text: str, copy: int) -> str:
    """Copy 0 is the article; copy k replaces every occurrence of the article's
    k-th most frequent word (4+ letters) with a made-up word of the same length,
    so each copy is a distinct document with the same structure."""
    if copy == 0:
        return text
    counts: dict[str, int] = {}
    for word in WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    if not ranked:
        return text
    word = ranked[(copy - 1) % len(ranked)]
    seed = hashlib.sha256(f"{word}/{copy}".encode()).digest()
    letters = "".join(chr(ord("a") + b % 26) for b in seed)
    made_up = (letters * (len(word) // len(letters) + 1))[: len(word)]
    if word[0].isupper():
        made_up = made_up.capitalize()
    return re.sub(rf"\b{re.escape(word)}\b", made_up, text)


def build_corpus(sources: Path, work: Path, target_bytes: int) -> tuple[Path, Path, int, int]:
    """DIR/copyNN/TRACK/ID.txt until the total reaches target_bytes, and one.txt
    with the same bytes concatenated in the same order."""
    folder, one = work / "corpus", work / "one.txt"
    stamp = work / f"corpus-{target_bytes}.done"
    if stamp.exists():
        files, total = map(int, stamp.read_text().split())
        return folder, one, files, total
    shutil.rmtree(folder, ignore_errors=True)
    articles = sorted(glob.glob(str(sources / "*" / "in" / "*.txt")))
    if articles:
        texts = [(Path(a).parent.parent.name, Path(a).name, Path(a).read_text(encoding="utf-8")) for a in articles]
    else:
        fixtures = sorted(glob.glob(str(FIXTURE_SOURCES / "*" / "input.txt")))
        if not fixtures:
            sys.exit(f"no articles under {sources}/*/in/*.txt nor {FIXTURE_SOURCES}/*/input.txt (use --sources)")
        print(f"note: {sources} not found; building the corpus from the project's fixtures", file=sys.stderr)
        texts = [("fixtures", Path(f).parent.name + ".txt", Path(f).read_text(encoding="utf-8")) for f in fixtures]
    files = total = 0
    copy = 0
    with open(one, "wb") as joined:
        while total < target_bytes:
            for track, name, text in texts:
                data = substitute(text, copy).encode("utf-8")
                path = folder / f"copy{copy:02}" / track / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                joined.write(data)
                files += 1
                total += len(data)
            copy += 1
    stamp.write_text(f"{files} {total}")
    return folder, one, files, total


def vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "pa", "dre", "stu", "wen", "gor"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def prose(rng: random.Random, words: list[str], n_bytes: int, line_bytes: int | None) -> str:
    """Pseudo-random sentences; a newline every ~line_bytes (None: one line)."""
    out, size, line = [], 0, 0
    while size < n_bytes:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 20))).capitalize() + "."
        sep = " "
        if line_bytes and line + len(sentence) > line_bytes:
            sep, line = "\n", 0
        out.append(sentence)
        out.append(sep)
        size += len(sentence) + 1
        line += len(sentence) + 1
    return "".join(out).rstrip() + ("\n" if line_bytes else "")


def build_adversarial(work: Path, big_bytes: int) -> dict[str, Path]:
    made = {}
    rng = random.Random(5)
    words = vocabulary(rng, 5000)
    specs = {
        "templated-200k": lambda: "".join(
            f"Step {i}: Remove the front cover of unit {i % 97} and place the {i % 13} screws in tray {i}.\n\n"
            for i in range(200_000)
        ),
        "identical-200k": lambda: (
            "Ms Rudd will be forced to explain to the Commons tomorrow why she denied the existence of targets.\n\n"
            * 200_000
        ),
        # A title, a blank line, then one paragraph of many lines and no blank line.
        "one-big-paragraph": lambda: "A title\n\n" + prose(rng, words, big_bytes, 200),
        "no-newline": lambda: prose(rng, words, big_bytes, None),
    }
    for name, make in specs.items():
        path = work / "adversarial" / f"{name}-{big_bytes}.txt"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(make(), encoding="utf-8")
        made[name] = path
    return made


# ---------------------------------------------------------------- running


def run(cmd: list[str] | str, shell: bool = False) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in KB of one run
    (output discarded)."""
    if os.path.exists(TIME):
        wrapped = [TIME, "-v"] + (["sh", "-c", cmd] if shell else cmd)
        start = time.perf_counter()
        proc = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        rss = int(match.group(1)) if match else 0
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    else:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(["sh", "-c", cmd] if shell else cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        # ru_maxrss of children is a running max: only exact when it grew.
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rss = after.ru_maxrss
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {cmd}\n{proc.stderr[-2000:]}")
    return wall, cpu, rss


def batch_mode_works(binary: str, work: Path) -> bool:
    probe = work / "probe"
    shutil.rmtree(probe, ignore_errors=True)
    (probe / "in").mkdir(parents=True)
    (probe / "in" / "a.txt").write_text("One paragraph here.\n\nOne paragraph here.\n")
    proc = subprocess.run([binary, "-q", "--out-dir", str(probe / "out"), str(probe / "in")], capture_output=True)
    return proc.returncode in (0, 1) and any((probe / "out").rglob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "dedupe"))
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--work", type=Path, default=ROOT / "target" / "bench")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("/dev/shm/dedupe-bench-out") if Path("/dev/shm").is_dir() else None,
        help="where dedupe writes (default: RAM-backed /dev/shm, else WORK/out)",
    )
    parser.add_argument("--mb", type=float, default=50, help="corpus size and size of the big adversarial files")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=["folder", "one", "adversarial"], action="append")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin} missing: run `cargo build --release` first")
    args.work.mkdir(parents=True, exist_ok=True)
    out = args.out or args.work / "out"
    target = int(args.mb * MB)
    folder, one, n_files, total = build_corpus(args.sources, args.work, target)
    adversarial = build_adversarial(args.work, target)
    only = set(args.only or ["folder", "one", "adversarial"])
    batch = batch_mode_works(args.bin, args.work)

    q = lambda p: "'" + str(p).replace("'", "'\\''") + "'"  # noqa: E731
    find = f"find {q(folder)} -type f -print0 | xargs -0"
    jobs: list[tuple[str, list[str] | str, bool, int]] = []  # name, cmd, shell, bytes
    if "folder" in only:
        if batch:
            jobs.append(("dedupe --out-dir (folder)", [args.bin, "-q", "--out-dir", str(out / "folder"), str(folder)], False, total))
        jobs.append(("awk exact-line dedupe (folder)", f"{find} awk 'FNR==1{{delete seen}} !seen[$0]++' >/dev/null", True, total))
        jobs.append(("sha256sum (folder)", f"{find} sha256sum >/dev/null", True, total))
    if "one" in only:
        jobs.append(("dedupe -o (one file, same bytes)", [args.bin, "-q", "-o", str(out / "one.clean.txt"), str(one)], False, total))
    if "adversarial" in only:
        for name, path in adversarial.items():
            jobs.append((f"dedupe -o {name}", [args.bin, "-q", "-o", str(out / f"{name}.clean.txt"), str(path)], False, path.stat().st_size))

    print(f"corpus: {n_files} files, {total / MB:.1f} MB in {folder}; {os.cpu_count()} cores; binary {args.bin}")
    if not batch and "folder" in only:
        print("note: this binary has no working --out-dir yet; the folder run is skipped (a loop of -o runs is not the same job)")
    best: dict[str, tuple[float, float, int, int]] = {}
    for round_ in range(args.rounds):
        for name, cmd, shell, size in jobs:  # interleaved: each round runs every command once
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            wall, cpu, rss = run(cmd, shell)
            prev = best.get(name)
            if prev:
                wall, cpu, rss = min(wall, prev[0]), min(cpu, prev[1]), max(rss, prev[2])
            best[name] = (wall, cpu, rss, size)
            print(f"  round {round_ + 1}: {name}: {wall:.3f} s, {rss / 1024:.1f} MB RSS", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)

    print(f"\nbest of {args.rounds} rounds (wall and CPU = user + system, each the best; RSS the highest)")
    print(f"{'command':42} {'MB':>7} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'peak RSS MB':>12} {'RSS/size':>9}")
    for name, (wall, cpu, rss, size) in best.items():
        print(
            f"{name:42} {size / MB:7.1f} {wall:8.3f} {cpu:8.3f} {size / MB / wall:8.1f}"
            f" {rss / 1024:12.1f} {rss * 1024 / size:9.2f}"
        )

    ratios = {}
    folder_t = best.get("dedupe --out-dir (folder)", (None,))[0]
    awk_t = best.get("awk exact-line dedupe (folder)", (None,))[0]
    sha_t = best.get("sha256sum (folder)", (None,))[0]
    one_t = best.get("dedupe -o (one file, same bytes)", (None,))[0]
    if folder_t and awk_t:
        ratios["folder / awk (target <= 1.0)"] = folder_t / awk_t
    if folder_t and sha_t:
        ratios["folder / sha256sum (target <= 3.0)"] = folder_t / sha_t
    if one_t and folder_t:
        ratios["one file / folder, per byte (target <= 1.5)"] = one_t / folder_t
    if one_t and awk_t:
        ratios["one file / awk"] = one_t / awk_t
    if one_t and sha_t:
        ratios["one file / sha256sum"] = one_t / sha_t
    if ratios:
        print()
        for name, value in ratios.items():
            print(f"{name:48} {value:6.2f}")
    if args.json:
        args.json.write_text(json.dumps({"files": n_files, "bytes": total, "rounds": args.rounds,
                                         "best": {k: {"wall_s": v[0], "cpu_s": v[1], "peak_rss_kb": v[2], "bytes": v[3]} for k, v in best.items()},
                                         "ratios": ratios}, indent=2))


if __name__ == "__main__":
    main()
