# Seed 004's WGAN-GP training loop in PyTorch, as the seed writes it (three separate critic
# updates per step: fake, real, penalty; Adam 5e-4 with PyTorch's default betas; the generator
# stepped every 5th step; reals in [0, 1] mapped to [-1, 1] inside the critic call, but mixed
# in [0, 1] into the penalty's interpolates), on the MNIST digits in DIR. It prints the mean
# generated pixel and the fraction of saturated pixels (< -0.99) every 5 generator steps:
# with these settings the generator saturates to all-black images within ~20 steps, as
# `wgan train --preset seed004-mnist-gp` does (docs/datasets.md).
#
#   /usr/bin/python3 bench/seed004_saturation.py ../shared/data/mnist
import gzip, sys, numpy as np, torch
torch.set_num_threads(2); torch.manual_seed(0)
b = gzip.open(sys.argv[1] + '/t10k-images-idx3-ubyte.gz').read()
X = torch.tensor(np.frombuffer(b, dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28).copy()).float() / 255
class Reshape(torch.nn.Module):
    def __init__(s, *shape): super().__init__(); s.shape = shape
    def forward(s, x): return x.view(x.shape[0], *s.shape)
G = torch.nn.Sequential(torch.nn.Linear(128, 128*7*7), torch.nn.LeakyReLU(0.2), Reshape(128, 7, 7),
    torch.nn.ConvTranspose2d(128, 128, 4, 2, 1), torch.nn.LeakyReLU(0.2),
    torch.nn.ConvTranspose2d(128, 128, 4, 2, 1), torch.nn.LeakyReLU(0.2),
    torch.nn.Conv2d(128, 1, 3, padding=1), torch.nn.Tanh())
for p in G.parameters(): torch.nn.init.normal_(p, 0, 0.02)
D = torch.nn.Sequential(Reshape(1, 28, 28), torch.nn.Conv2d(1, 64, 4, 2, 1), torch.nn.LeakyReLU(0.2),
    torch.nn.Conv2d(64, 64, 4, 2, 1), torch.nn.LeakyReLU(0.2), Reshape(3136), torch.nn.Linear(3136, 1))
og = torch.optim.Adam(G.parameters(), lr=5e-4); od = torch.optim.Adam(D.parameters(), lr=5e-4)
step = 0
for it in range(200):  # 40 generator steps
    idx = torch.randint(0, len(X), (64,)); x = X[idx]
    step += 1
    z = torch.randn(64, 128); xf = G(z)
    od.zero_grad(); D(xf).mean().backward(); od.step()
    od.zero_grad(); real = -D(x * 2 - 1).mean(); real.backward(); od.step()
    a = torch.rand(64, 1, 1); xm = (x.reshape(64, 28, 28) * a + xf.reshape(64, 28, 28) * (1 - a)).detach().requires_grad_(True)
    y = D(xm); g = torch.autograd.grad(y, xm, torch.ones_like(y), create_graph=True)[0]
    od.zero_grad(); (10 * ((g.view(64, -1).norm(2, dim=1) - 1) ** 2).mean()).backward(); od.step()
    if step % 5 == 0:
        og.zero_grad(); od.zero_grad(); l = -D(G(torch.randn(64, 128))).mean(); l.backward(); og.step()
        with torch.no_grad():
            s = G(torch.randn(64, 128))
        if (step // 5) % 5 == 0:
            print(step // 5, 'mean pixel', round(s.mean().item(), 3), 'frac < -0.99', round((s < -0.99).float().mean().item(), 3), 'W', round((-real.item()) - D(xf.detach()).mean().item(), 2), flush=True)
