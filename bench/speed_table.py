#!/usr/bin/env python3
"""Formats the JSON lines of bench/speed.sh as the Markdown table of docs/performance.md."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
ceiling = next(r for r in rows if r["mode"] == "ceiling")
print(f"\nceiling ({ceiling['threads']} threads, float32): matrix product {ceiling['matmul_gflops']:.0f} GFLOP/s, "
      f"convolution {ceiling['conv_gflops']:.0f} GFLOP/s\n")
print("| case | wgan ms | wgan, fast paths off ms | PyTorch ms | PyTorch / wgan | GFLOP per iteration "
      "| wgan GFLOP/s | of the matmul ceiling | peak MiB wgan / PyTorch |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for case in dict.fromkeys(r["case"] for r in rows if "case" in r):
    by_mode = {r["mode"]: r for r in rows if r.get("case") == case}
    fast, plain, python = by_mode.get("wgan"), by_mode.get("wgan-plain"), by_mode.get("pytorch")
    if not (fast and plain and python):
        continue
    print(f"| {case} | {fast['ms']:.1f} | {plain['ms']:.1f} | {python['ms']:.1f} | {python['ms'] / fast['ms']:.2f}x "
          f"| {fast['gflop']:.2f} | {fast['gflops']:.1f} | {100 * fast['gflops'] / ceiling['matmul_gflops']:.0f} % "
          f"| {fast['peak_rss_mib']:.0f} / {python['peak_rss_mib']:.0f} |")
