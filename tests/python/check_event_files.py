"""Checks a wgan run directory's TensorBoard event files, written by code this script shares
nothing with (tests/cli/tensorboard_test.cpp runs it).

  check_event_files.py framing RUN
      Every record of every events.out.tfevents.* file: the length's and the data's masked
      CRC-32C (python3-crc32c) check, no bytes left over, and each file's first record holds
      file_version "brain.Event:2" (read without a protobuf library: field 3, a string).
  check_event_files.py content RUN [GRID_SIZE]
      With TensorBoard's own reader (EventAccumulator, from the tensorboard package): every
      scalar series equals metrics.jsonl (same steps, values to float precision), no step twice
      and none missing after a resume; the images decode as PNG (Pillow), the sample grids
      GRID_SIZE pixels square; each histogram's counts sum to its parameter's number of weights,
      computed from config.json for the MLP; the configuration is there as text.
Prints what failed and exits 1, or prints "ok" and exits 0.
"""
import glob
import io
import json
import math
import os
import struct
import sys


def fail(message):
    print(message)
    sys.exit(1)


def event_files(run):
    files = sorted(glob.glob(os.path.join(run, "events.out.tfevents.*")))
    if not files:
        fail(f"no events.out.tfevents.* in {run}")
    return files


def masked(crc):
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def check_framing(run):
    import crc32c

    records = 0
    for path in event_files(run):
        data = open(path, "rb").read()
        at, first = 0, True
        while at < len(data):
            if len(data) - at < 12:
                fail(f"{path}: {len(data) - at} stray bytes at offset {at}")
            header = data[at : at + 8]
            (length,) = struct.unpack("<Q", header)
            (length_crc,) = struct.unpack("<I", data[at + 8 : at + 12])
            if masked(crc32c.crc32c(header)) != length_crc:
                fail(f"{path}: length CRC wrong at offset {at}")
            body = data[at + 12 : at + 12 + length]
            if len(body) != length or at + 16 + length > len(data):
                fail(f"{path}: record at offset {at} cut short")
            (body_crc,) = struct.unpack("<I", data[at + 12 + length : at + 16 + length])
            if masked(crc32c.crc32c(body)) != body_crc:
                fail(f"{path}: data CRC wrong at offset {at}")
            if first and b"\x1a\x0dbrain.Event:2" not in body:
                fail(f"{path}: first record is not file_version brain.Event:2: {body!r}")
            first = False
            at += 16 + length
            records += 1
    print(f"ok: {records} records")


def metrics_series(run):
    series = {}
    for line in open(os.path.join(run, "metrics.jsonl")):
        record = json.loads(line)
        step = record.pop("iter")
        for key, value in record.items():
            if isinstance(value, (int, float)):
                series.setdefault(key, []).append((step, float(value)))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    series.setdefault(f"{key}/{i}", []).append((step, float(item)))
            elif isinstance(value, dict):
                for name, item in value.items():
                    series.setdefault(f"{key}/{name}", []).append((step, float(item)))
    return series


def mlp_parameter_counts(config):
    """numel of every parameter of wgan's MLP generator and critic, by name (nets/mlp.cpp):
    depth hidden layers of the width between the input and the output."""
    counts = {}
    sizes = {
        "generator": [config["nz"]] + [config["g_width"]] * config["g_depth"] + [2],
        "critic": [2] + [config["d_width"]] * config["d_depth"] + [1],
    }
    for network, widths in sizes.items():
        for i in range(len(widths) - 1):
            layer = 2 * i + 1  # layers.0 is Flatten; then Linear and activation in turn
            counts[f"{network}/layers.{layer}.weight"] = widths[i] * widths[i + 1]
            counts[f"{network}/layers.{layer}.bias"] = widths[i + 1]
    return counts


def check_content(run, grid_size):
    from PIL import Image
    from tensorboard.backend.event_processing import event_accumulator as ea

    acc = ea.EventAccumulator(
        run, size_guidance={ea.SCALARS: 0, ea.IMAGES: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0}
    )
    acc.Reload()
    tags = acc.Tags()
    expected = metrics_series(run)
    if sorted(tags["scalars"]) != sorted(expected):
        fail(f"scalar tags {sorted(tags['scalars'])} != metrics.jsonl keys {sorted(expected)}")
    for tag, want in expected.items():
        got = [(e.step, e.value) for e in acc.Scalars(tag)]
        if [s for s, _ in got] != [s for s, _ in want]:
            fail(f"{tag}: steps {[s for s, _ in got]} != metrics.jsonl {[s for s, _ in want]}")
        for (step, a), (_, b) in zip(got, want):
            if not math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-30) and not (math.isnan(a) and math.isnan(b)):
                fail(f"{tag} at {step}: {a} != metrics.jsonl {b}")
    images = 0
    for tag in tags["images"]:
        steps = [e.step for e in acc.Images(tag)]
        if len(steps) != len(set(steps)):
            fail(f"image {tag}: a step twice: {steps}")
        for e in acc.Images(tag):
            picture = Image.open(io.BytesIO(e.encoded_image_string))
            picture.load()
            if picture.size != (e.width, e.height):
                fail(f"image {tag} at {e.step}: PNG {picture.size} but the summary says {(e.width, e.height)}")
            if tag == "samples" and grid_size and picture.size != (grid_size, grid_size):
                fail(f"sample grid at {e.step}: {picture.size}, expected {grid_size} square")
            images += 1
    config = json.load(open(os.path.join(run, "config.json")))
    counts = mlp_parameter_counts(config) if config.get("arch") == "mlp" else {}
    histograms = 0
    for tag in tags["histograms"]:
        for e in acc.Histograms(tag):
            h = e.histogram_value
            if sum(h.bucket) != h.num:
                fail(f"histogram {tag} at {e.step}: buckets sum to {sum(h.bucket)}, num {h.num}")
            if tag in counts and h.num != counts[tag]:
                fail(f"histogram {tag} at {e.step}: {h.num} values, the MLP has {counts[tag]} there")
            histograms += 1
    missing = [t for t in counts if t not in tags["histograms"]]
    if counts and missing:
        fail(f"no histogram for {missing}")
    text = acc.Tensors("config")[-1].tensor_proto.string_val[0].decode()
    if json.loads(text.replace("\n    ", "\n")) != config:
        fail("the configuration text differs from config.json")
    print(f"ok: {len(expected)} scalar series, {images} images, {histograms} histograms")


if __name__ == "__main__":
    if sys.argv[1] == "framing":
        check_framing(sys.argv[2])
    else:
        check_content(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
