#!/usr/bin/env python3
"""One generator iteration of a benchmark case in PyTorch, written the straightforward way the
seeds write it: n_critic critic steps (a fresh fake batch from G, D on real and on fake, the
gradient penalty or weight clipping), then one generator step. Same networks, batch, data
shapes, optimisers and threads as the wgan trainer's case of the same name (bench/step_bench.cpp).

    /usr/bin/python3 bench/pytorch_step.py CASE [--threads 2] [--warmup 3] [--repeats 10]
    /usr/bin/python3 bench/pytorch_step.py CASE --phases   # where the time goes, phase by phase
    python3 bench/pytorch_step.py CASE --device cuda        # on a GPU (a CUDA PyTorch)
    .venv-torch2/bin/python bench/pytorch_step.py CASE --compile   # PyTorch 2.x, torch.compile

--compile wraps the generator and the critic in torch.compile (default mode). The gradient
penalty's pass through the critic runs eager: compiled graphs do not support the double
backward it needs (create_graph=True). The compile happens in the first iterations and is
reported apart (compile_s), not in the step time.

Prints one JSON line: case, mode "pytorch", the median and all timings in ms, peak RSS in MiB.
"""
import argparse
import json
import resource
import statistics
import time

import torch
import torch.nn as nn


def mlp(inputs, width, depth, outputs):
    layers, size = [], inputs
    for _ in range(depth):
        layers += [nn.Linear(size, width), nn.ReLU()]
        size = width
    return nn.Sequential(*layers, nn.Linear(size, outputs))


def lrelu():
    return nn.LeakyReLU(0.2)


def mnist_networks(nz=128, ngf=64, ndf=64):
    # Seed 004's networks (wgan's dcgan-mnist): G linear to 128x7x7, two transposed
    # convolutions, a 3x3 convolution, tanh; D two convolutions and a linear layer.
    width = 2 * ngf
    g = nn.Sequential(
        nn.Linear(nz, width * 7 * 7), lrelu(), nn.Unflatten(1, (width, 7, 7)),
        nn.ConvTranspose2d(width, width, 4, 2, 1), lrelu(),
        nn.ConvTranspose2d(width, width, 4, 2, 1), lrelu(),
        nn.Conv2d(width, 1, 3, 1, 1), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(1, ndf, 4, 2, 1), lrelu(), nn.Conv2d(ndf, ndf, 4, 2, 1), lrelu(),
        nn.Flatten(), nn.Linear(ndf * 7 * 7, 1))
    return g, d


def dcgan64_networks(critic_norm, nz=100, ngf=64, ndf=64):
    # Seed 000's DCGAN (wgan's dcgan at 64x64): batch norm in G; the critic's normalisation is
    # batch norm (WGAN) or layer norm over [C, H, W] (WGAN-GP).
    g = nn.Sequential(
        nn.Unflatten(1, (nz, 1, 1)),
        nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(),
        nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(),
        nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(),
        nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(),
        nn.ConvTranspose2d(ngf, 3, 4, 2, 1, bias=False), nn.Tanh())

    def norm(channels, size):
        return nn.BatchNorm2d(channels) if critic_norm == "batch" else nn.LayerNorm([channels, size, size])

    d = nn.Sequential(
        nn.Conv2d(3, ndf, 4, 2, 1, bias=False), lrelu(),
        nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), norm(ndf * 2, 16), lrelu(),
        nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), norm(ndf * 4, 8), lrelu(),
        nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), norm(ndf * 8, 4), lrelu(),
        nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Flatten())
    return g, d


def dcgan_init(module):
    """wgan's DCGAN initialisation: weights N(0, 0.02), normalisation gains N(1, 0.02), biases 0.
    (The weights' values change the time: the dcgan64-gp step took 5.8 s with PyTorch's default
    initialisation and 6.6 s with this one.)"""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, (nn.BatchNorm2d, nn.LayerNorm)):
            nn.init.normal_(m.weight, 1, 0.02)
            nn.init.zeros_(m.bias)
    return module


def make_case(name):
    """Networks, real-data shape, nz, batch, loss, optimiser factory."""
    adam = lambda params: torch.optim.Adam(params, lr=1e-4, betas=(0.5, 0.9))
    rmsprop = lambda params: torch.optim.RMSprop(params, lr=5e-5)
    if name == "toy25-gp":
        return mlp(2, 512, 3, 2), mlp(2, 512, 3, 1), (2,), 2, 256, "wgan-gp", adam
    if name == "mnist-gp":
        g, d = mnist_networks()  # as seed 004 and wgan: DCGAN init for G, PyTorch's for D
        return dcgan_init(g), d, (1, 28, 28), 128, 64, "wgan-gp", adam
    if name == "dcgan64-wgan":
        g, d = dcgan64_networks("batch")
        return dcgan_init(g), dcgan_init(d), (3, 64, 64), 100, 64, "wgan", rmsprop
    if name == "dcgan64-gp":
        g, d = dcgan64_networks("layer")
        return dcgan_init(g), dcgan_init(d), (3, 64, 64), 100, 64, "wgan-gp", adam
    raise SystemExit(f"unknown case {name}; expected toy25-gp, mnist-gp, dcgan64-wgan or dcgan64-gp")


PHASES = ["g_forward", "d_forward_backward", "penalty", "d_optimizer", "g_step_forward_backward",
          "g_optimizer"]


def synchronize(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def phase_times(args, g, d, shape, nz, batch, loss, opt_g, opt_d, real_data, device):
    """The iteration above taken apart into the phases step_bench --phases times (median of the
    per-iteration sums). The fake batch is made under no_grad here, as wgan does."""
    samples = {name: [] for name in PHASES}
    for i in range(args.warmup + args.repeats):
        total = dict.fromkeys(PHASES, 0.0)
        clock = [time.perf_counter()]

        def lap(name):
            synchronize(device)
            now = time.perf_counter()
            total[name] += 1000 * (now - clock[0])
            clock[0] = now

        for k in range(args.n_critic):
            start = ((i * args.n_critic + k) * batch) % real_data.shape[0]
            real = real_data[start:start + batch]
            clock[0] = time.perf_counter()
            with torch.no_grad():
                fake = g(torch.randn(batch, nz, device=device))
            lap("g_forward")
            opt_d.zero_grad()
            (d(fake).mean() - d(real).mean()).backward()
            lap("d_forward_backward")
            if loss == "wgan-gp":
                alpha = torch.rand(batch, *([1] * len(shape)), device=device)
                x_hat = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
                grad = torch.autograd.grad(d(x_hat).sum(), x_hat, create_graph=True)[0]
                (10 * ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()).backward()
            lap("penalty")
            opt_d.step()
            if loss == "wgan":
                for p in d.parameters():
                    p.data.clamp_(-0.01, 0.01)
            lap("d_optimizer")
        opt_g.zero_grad()
        (-d(g(torch.randn(batch, nz, device=device))).mean()).backward()
        lap("g_step_forward_backward")
        opt_g.step()
        lap("g_optimizer")
        if i >= args.warmup:
            for name in PHASES:
                samples[name].append(total[name])
    return {name: statistics.median(samples[name]) for name in PHASES}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("case")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--n-critic", type=int, default=5)
    parser.add_argument("--phases", action="store_true")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--compile", action="store_true")
    args = parser.parse_args()
    if args.compile and args.phases:
        raise SystemExit("--phases times the eager iteration; leave out --compile")
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    g, d, shape, nz, batch, loss, optimiser = make_case(args.case)
    g, d = g.to(device), d.to(device)
    opt_g, opt_d = optimiser(g.parameters()), optimiser(d.parameters())
    # The passes that may be compiled; `d` itself stays eager for the penalty's double backward.
    g_run, d_run = (torch.compile(g), torch.compile(d)) if args.compile else (g, d)
    # Fixed data: no loading in the timing.
    real_data = (torch.rand(16 * batch, *shape) * 2 - 1).to(device)

    def iteration(index):
        for k in range(args.n_critic):
            start = ((index * args.n_critic + k) * batch) % real_data.shape[0]
            real = real_data[start:start + batch]
            fake = g_run(torch.randn(batch, nz, device=device))
            opt_d.zero_grad()
            loss_d = d_run(fake.detach()).mean() - d_run(real).mean()
            if loss == "wgan-gp":
                alpha = torch.rand(batch, *([1] * len(shape)), device=device)
                x_hat = (alpha * real + (1 - alpha) * fake.detach()).requires_grad_(True)
                grad = torch.autograd.grad(d(x_hat).sum(), x_hat, create_graph=True)[0]
                loss_d = loss_d + 10 * ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
            loss_d.backward()
            opt_d.step()
            if loss == "wgan":
                for p in d.parameters():
                    p.data.clamp_(-0.01, 0.01)
        opt_g.zero_grad()
        loss_g = -d_run(g_run(torch.randn(batch, nz, device=device))).mean()
        loss_g.backward()
        opt_g.step()
        return loss_d.item(), loss_g.item()

    if args.phases:
        print(json.dumps({"case": args.case, "mode": "pytorch-phases", "threads": args.threads,
                          "device": args.device,
                          "phases_ms": phase_times(args, g, d, shape, nz, batch, loss, opt_g, opt_d,
                                                   real_data, device)}))
        return

    timings, warmup_s = [], 0.0
    for i in range(args.warmup + args.repeats):
        start = time.perf_counter()
        iteration(i)
        synchronize(device)
        if i >= args.warmup:
            timings.append(1000 * (time.perf_counter() - start))
        else:
            warmup_s += time.perf_counter() - start
    compiled = {}
    if args.compile:
        # The warm-up iterations less as many steady ones: the compile's own time.
        stats = torch._dynamo.utils.counters["stats"]
        compiled = {"compile_s": round(warmup_s - args.warmup * statistics.median(timings) / 1000, 1),
                    "graphs": stats["unique_graphs"]}
    print(json.dumps({"case": args.case, "mode": "pytorch-compile" if args.compile else "pytorch",
                      "ms": statistics.median(timings), **compiled,
                      "ms_all": [round(t, 2) for t in timings], "threads": args.threads,
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "torch": torch.__version__, "device": args.device,
                      **({"peak_gpu_mib": torch.cuda.max_memory_allocated(device) / 2**20}
                         if device.type == "cuda" else {})}))


if __name__ == "__main__":
    main()
