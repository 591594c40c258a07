"""Read QR codes back, as a phone would: from a picture of a PDF page, or from the SVG the site draws."""
from __future__ import annotations

import re

import zxingcpp
from PIL import Image, ImageDraw


def decode_qr(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def svg_qr_to_image(svg: str, pixels_per_module: int = 8) -> Image.Image:
    """Draw segno's SVG path (moves and horizontal lines, one module high) into a black-on-white picture."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    image = Image.new("L", (size * pixels_per_module, size * pixels_per_module), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d.\s]+)", path):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            end = values[0] if command == "H" else x + values[0]
            top = (y - 0.5) * pixels_per_module
            draw.rectangle([x * pixels_per_module, top, end * pixels_per_module - 1, top + pixels_per_module - 1], fill=0)
            x = end
    return image
