#!/usr/bin/env python3
"""Seed 004's MNIST WGAN-GP written in PyTorch the way the seed writes it, for time to quality
against wgan (bench/time_to_quality.sh): the same networks and initialisation as
bench/pytorch_step.py's mnist-gp case (wgan's dcgan-mnist), the WGAN-GP paper's optimiser
(Adam 1e-4, betas 0.5 and 0.9), batch 64, five critic steps, lambda 10, the 10,000 real test
digits in [-1, 1] drawn in shuffled epochs.

Every EVERY iterations the clock stops, 2,500 samples of fixed noise are saved (torch.save,
[2500, 1, 28, 28] in [-1, 1]) as OUT/iter-NNNNNN.pt for `wgan eval --samples`, and a line
{"iter", "train_s"} goes to OUT/times.jsonl; train_s counts training only.

    .venv-torch2/bin/python bench/pytorch_mnist_quality.py MNIST_DIR OUT [--iters 3000]
        [--every 250] [--threads 2] [--seed 1]
"""
import argparse
import gzip
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_step import dcgan_init, mnist_networks  # noqa: E402


def load_digits(mnist_dir):
    raw = gzip.open(os.path.join(mnist_dir, "t10k-images-idx3-ubyte.gz")).read()[16:]
    pixels = torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(-1, 1, 28, 28)
    return pixels.float() / 127.5 - 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mnist_dir")
    parser.add_argument("out")
    parser.add_argument("--iters", type=int, default=3000)
    parser.add_argument("--every", type=int, default=250)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    data = load_digits(args.mnist_dir)
    g, d = mnist_networks()
    g = dcgan_init(g)  # as wgan: DCGAN initialisation for G, PyTorch's for D
    opt_g = torch.optim.Adam(g.parameters(), lr=1e-4, betas=(0.5, 0.9))
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-4, betas=(0.5, 0.9))
    fixed = torch.randn(2500, 128, generator=torch.Generator().manual_seed(12345))
    batch, order, cursor, train_s = 64, torch.randperm(data.shape[0]), 0, 0.0

    def real_batch():
        nonlocal order, cursor
        if cursor + batch > data.shape[0]:
            order, cursor = torch.randperm(data.shape[0]), 0
        cursor += batch
        return data[order[cursor - batch:cursor]]

    times = open(os.path.join(args.out, "times.jsonl"), "w")
    for it in range(1, args.iters + 1):
        start = time.perf_counter()
        for _ in range(5):
            real = real_batch()
            with torch.no_grad():
                fake = g(torch.randn(batch, 128))
            opt_d.zero_grad()
            alpha = torch.rand(batch, 1, 1, 1)
            x_hat = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
            grad = torch.autograd.grad(d(x_hat).sum(), x_hat, create_graph=True)[0]
            penalty = ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
            (d(fake).mean() - d(real).mean() + 10 * penalty).backward()
            opt_d.step()
        opt_g.zero_grad()
        (-d(g(torch.randn(batch, 128))).mean()).backward()
        opt_g.step()
        train_s += time.perf_counter() - start
        if it % args.every == 0 or it == args.iters:
            g.eval()
            with torch.no_grad():
                samples = torch.cat([g(z) for z in fixed.split(500)])
            g.train()
            torch.save(samples, os.path.join(args.out, f"iter-{it:06d}.pt"))
            times.write(json.dumps({"iter": it, "train_s": round(train_s, 2)}) + "\n")
            times.flush()


if __name__ == "__main__":
    main()
