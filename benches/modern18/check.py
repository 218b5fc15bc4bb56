#!/usr/bin/env python3
"""Check the modern18 set: 30 in/gold pairs, layout rules, UTF-8, and that each
gold file is an in-order subsequence of its input's lines. Prints OK or the problems.
Standard library only."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_LINES, MAX_LINES = 30, 150


def read_lines(path, problems):
    """Return the file's lines, or None; append layout problems."""
    name = os.path.relpath(path, HERE)
    if not os.path.isfile(path):
        problems.append(f"{name}: missing")
        return None
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{name}: not valid UTF-8 ({e})")
        return None
    if text.startswith("\ufeff"):
        problems.append(f"{name}: starts with a byte-order mark")
    if "\r" in text:
        problems.append(f"{name}: contains carriage returns")
    if not text.endswith("\n"):
        problems.append(f"{name}: no final newline")
        return None
    if text.endswith("\n\n"):
        problems.append(f"{name}: more than one final newline")
    body = text[:-1]
    if body == "":
        problems.append(f"{name}: empty")
        return None
    lines = body.split("\n\n")
    for i, line in enumerate(lines, 1):
        if "\n" in line:
            problems.append(f"{name}: line {i}: not exactly one blank line between lines")
        elif line.strip() == "":
            problems.append(f"{name}: line {i}: empty or whitespace-only line")
        elif line != line.strip():
            problems.append(f"{name}: line {i}: leading or trailing whitespace")
    return lines


def is_subsequence(sub, seq):
    it = iter(seq)
    for i, line in enumerate(sub):
        for cand in it:
            if cand == line:
                break
        else:
            return i  # index of first gold line that cannot be matched in order
    return None


def main():
    problems = []
    for n in range(1, 31):
        nn = f"{n:02d}"
        inp = read_lines(os.path.join(HERE, "in", f"{nn}.txt"), problems)
        gold = read_lines(os.path.join(HERE, "gold", f"{nn}.txt"), problems)
        if inp is not None and not (MIN_LINES <= len(inp) <= MAX_LINES):
            problems.append(f"in/{nn}.txt: {len(inp)} lines, expected {MIN_LINES}-{MAX_LINES}")
        if inp is None or gold is None:
            continue
        if len(gold) >= len(inp):
            problems.append(f"gold/{nn}.txt: gold is not shorter than input (no noise removed)")
        bad = is_subsequence(gold, inp)
        if bad is not None:
            problems.append(f"gold/{nn}.txt: line {bad + 1} is not found in order in in/{nn}.txt: {gold[bad][:70]!r}")
    for sub in ("in", "gold"):
        d = os.path.join(HERE, sub)
        if os.path.isdir(d):
            extra = sorted(f for f in os.listdir(d) if f not in {f"{n:02d}.txt" for n in range(1, 31)})
            for f in extra:
                problems.append(f"{sub}/{f}: unexpected file")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
