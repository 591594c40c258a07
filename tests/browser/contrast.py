"""WCAG relative luminance and contrast ratio, for colours read from the browser."""
import re


def parse_rgb(css: str) -> tuple[int, int, int]:
    numbers = re.findall(r"[\d.]+", css)
    if len(numbers) < 3:
        raise ValueError(f"not an rgb() colour: {css!r}")
    return int(float(numbers[0])), int(float(numbers[1])), int(float(numbers[2]))


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
