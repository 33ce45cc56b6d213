"""A folder of large JPEGs for the decoding benchmark (bench/decode.sh): N photographs' worth
of pixels (default 1,000 at 1600x1200, JPEG quality 90), made from seed 000's Pokémon images
upscaled with Pillow's bicubic filter, with Gaussian noise (sigma 8) so that the files are as
costly to decode as photographs of that size rather than smooth cartoons.

  python3 make_large_jpegs.py SOURCE_DIR OUT_DIR [N] [WIDTH] [HEIGHT]
"""
import os
import sys

import numpy as np
from PIL import Image

source, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
width = int(sys.argv[4]) if len(sys.argv) > 4 else 1600
height = int(sys.argv[5]) if len(sys.argv) > 5 else 1200
os.makedirs(out, exist_ok=True)
names = sorted(f for f in os.listdir(source) if f.lower().endswith((".jpg", ".jpeg", ".png")))
rng = np.random.default_rng(0)
for i in range(n):
    image = Image.open(os.path.join(source, names[i % len(names)])).convert("RGB")
    big = np.asarray(image.resize((width, height), Image.BICUBIC), dtype=np.float32)
    big = np.clip(big + rng.normal(0, 8, big.shape), 0, 255).astype(np.uint8)
    Image.fromarray(big).save(os.path.join(out, f"{i:04d}.jpg"), quality=90)
