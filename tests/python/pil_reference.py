"""torchvision's Resize(size) + CenterCrop(size) on PIL images, done by Pillow itself, as the
reference the folder loader is compared with (tests/data/image_decoder_test.cpp).

  pil_reference.py OUT SIZE IMAGE...
Writes to OUT, for each image in turn, its size x size x 3 RGB bytes (rows, then columns):
Image.open(path).convert("RGB"), resized with the shorter side to SIZE and the longer to
int(SIZE * longer / shorter) by Image.BILINEAR (Pillow's antialiased triangle filter, what
torchvision applies to a PIL image), then the centre square, offsets round((extent - SIZE) / 2).
"""
import sys

from PIL import Image


def reference(path, size):
    image = Image.open(path).convert("RGB")
    w, h = image.size
    if w < h:
        new_w, new_h = size, int(size * h / w)
    else:
        new_w, new_h = int(size * w / h), size
    if (new_w, new_h) != (w, h):
        image = image.resize((new_w, new_h), Image.BILINEAR)
    top, left = int(round((new_h - size) / 2.0)), int(round((new_w - size) / 2.0))
    return image.crop((left, top, left + size, top + size)).tobytes()


if __name__ == "__main__":
    out, size = sys.argv[1], int(sys.argv[2])
    with open(out, "wb") as f:
        for path in sys.argv[3:]:
            f.write(reference(path, size))
