#!/usr/bin/env python3
"""Formats the JSON lines of bench/speed.sh as the Markdown tables of docs/performance.md: the
speed table (median over rounds of each mode) and, when measured, the phase breakdown."""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
ceiling = next(r for r in rows if r["mode"] == "ceiling")
print(f"\nceiling ({ceiling.get('device', 'cpu')}, {ceiling['threads']} threads, float32): matrix product {ceiling['matmul_gflops']:.0f} GFLOP/s, "
      f"convolution {ceiling['conv_gflops']:.0f} GFLOP/s\n")


def median_of(case, mode, key="ms"):
    values = [r[key] for r in rows if r.get("case") == case and r["mode"] == mode]
    return statistics.median(values) if values else None


def round_ratios(case, mode):
    """PyTorch / wgan (mode) within each round: measurements taken seconds apart. This machine
    switches between a fast and a slow state (about 1.4x apart) every few seconds; a ratio within
    one round mostly sees one state, a ratio of medians over rounds need not."""
    ours = [r["ms"] for r in rows if r.get("case") == case and r["mode"] == mode]
    theirs = [r["ms"] for r in rows if r.get("case") == case and r["mode"] == "pytorch"]
    return [t / o for o, t in zip(ours, theirs)]


def spread(ratios):
    return f"{min(ratios):.2f}-{max(ratios):.2f}" if len(ratios) > 1 else "-"


cases = list(dict.fromkeys(r["case"] for r in rows if "case" in r))
# GFLOP per iteration counts the straightforward step; the fast paths skip some of it, so the
# effective rate can pass the ceiling.
# Times: medians over the rounds; ratios: the median of the rounds' ratios, and their range.
print("| case | wgan ms | fast paths off ms | PyTorch ms | **PyTorch / wgan** | range over rounds | wgan bf16 ms "
      "| PyTorch / wgan bf16 | GFLOP per iteration | wgan effective GFLOP/s | of the ceiling "
      "| peak MiB wgan / PyTorch |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for case in cases:
    fast, plain, python, bf16 = (median_of(case, m) for m in ("wgan", "wgan-plain", "pytorch", "wgan-bf16"))
    if not (fast and plain and python):
        continue
    gflop = median_of(case, "wgan", "gflop")
    # The toy case is matrix products; the others are mostly convolutions.
    top = ceiling["matmul_gflops"] if case.startswith("toy") else ceiling["conv_gflops"]
    rounds = sum(1 for r in rows if r.get("case") == case and r["mode"] == "wgan")
    ratios, bf16_ratios = round_ratios(case, "wgan"), round_ratios(case, "wgan-bf16")
    bf16_cells = f"{bf16:.1f} | {statistics.median(bf16_ratios):.2f}x" if bf16 else "- | -"
    print(f"| {case} ({rounds} round{'s' if rounds > 1 else ''}) | {fast:.1f} | {plain:.1f} | {python:.1f} "
          f"| **{statistics.median(ratios):.2f}x** | {spread(ratios)} | {bf16_cells} | {gflop:.2f} | {gflop / fast * 1e3:.1f} "
          f"| {100 * gflop / fast * 1e3 / top:.0f} % "
          f"| {median_of(case, 'wgan', 'peak_rss_mib'):.0f} / {median_of(case, 'pytorch', 'peak_rss_mib'):.0f} |")

# LibTorch 1.13 against 2.x, when bench/speed.sh measured the 2.x modes (wgan2*, pytorch2*).
VERSION_MODES = ["wgan", "wgan2", "wgan2-plain", "pytorch", "pytorch2", "pytorch2-compile"]
if any(r["mode"].startswith(("wgan2", "pytorch2")) for r in rows):
    def version_of(prefix):
        return next((r.get("torch", "?") for r in rows if r["mode"] == prefix), "?")
    print(f"\nLibTorch {version_of('wgan')} (Debian) against {version_of('wgan2')} (PyPI wheel); PyTorch "
          f"{version_of('pytorch')} and {version_of('pytorch2')}; ms per generator iteration, medians over the rounds:\n")
    def per_round(case, mode):
        return [r["ms"] for r in rows if r.get("case") == case and r["mode"] == mode]

    def best_ratios(case):
        """Best PyTorch over best wgan within each round (the modes of one round run minutes apart
        at most)."""
        ours = [per_round(case, m) for m in ("wgan", "wgan2") if per_round(case, m)]
        theirs = [per_round(case, m) for m in ("pytorch", "pytorch2", "pytorch2-compile") if per_round(case, m)]
        rounds = min(len(x) for x in ours + theirs) if ours and theirs else 0
        return [min(x[i] for x in theirs) / min(x[i] for x in ours) for i in range(rounds)]

    print("| case | wgan 1.13 | wgan 2.x | wgan 2.x, fast paths off | PyTorch 1.13 eager | PyTorch 2.x eager "
          "| PyTorch 2.x compiled (compile s) | **best PyTorch / best wgan** | range over rounds |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for case in cases:
        t = {m: median_of(case, m) for m in VERSION_MODES}
        cell = lambda m: f"{t[m]:.1f}" if t[m] else "-"
        compile_s = median_of(case, "pytorch2-compile", "compile_s")
        compiled = f"{t['pytorch2-compile']:.1f} ({compile_s:.0f} s)" if t["pytorch2-compile"] else "-"
        ratios = best_ratios(case)
        best = f"**{statistics.median(ratios):.2f}x**" if ratios else "-"
        rounds = len(ratios)
        print(f"| {case} ({rounds} round{'s' if rounds > 1 else ''}) | {cell('wgan')} | {cell('wgan2')} | {cell('wgan2-plain')} "
              f"| {cell('pytorch')} | {cell('pytorch2')} | {compiled} | {best} | {spread(ratios)} |")

phase_rows = [r for r in rows if r["mode"] in ("wgan-phases", "pytorch-phases")]
if phase_rows:
    print("\nPhases, ms per generator iteration (wgan / PyTorch; both make the fake batch without a graph):\n")
    order = ["g_forward", "d_forward_backward", "penalty", "d_optimizer", "g_step_forward_backward", "g_optimizer"]
    names = [n for n in order if n in phase_rows[0]["phases_ms"]]
    print("| case | " + " | ".join(names) + " | sum |")
    print("| --- |" + " ---: |" * (len(names) + 1))
    for case in cases:
        ours = next((r["phases_ms"] for r in phase_rows if r["case"] == case and r["mode"] == "wgan-phases"), None)
        theirs = next((r["phases_ms"] for r in phase_rows if r["case"] == case and r["mode"] == "pytorch-phases"), None)
        if not (ours and theirs):
            continue
        cells = [f"{ours[n]:.0f} / {theirs[n]:.0f}" for n in names]
        cells.append(f"{sum(ours.values()):.0f} / {sum(theirs.values()):.0f}")
        print(f"| {case} | " + " | ".join(cells) + " |")
