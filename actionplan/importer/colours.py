"""RAG ratings shown only as a cell's fill colour: the colour's family (red, amber, green, blue) read
from its hue, so Excel's light "bad/neutral/good" fills count as well as pure red."""

import colorsys

from ..models import Rag

# Hue in degrees -> rating. Yellow counts as amber: plans use either for "some slippage".
HUES = ((0, 15, Rag.RED), (15, 66, Rag.AMBER), (66, 170, Rag.GREEN), (170, 265, Rag.BLUE), (330, 361, Rag.RED))
LEAST_SATURATION = 0.15  # below it a fill is white or grey, not a rating
LEAST_BRIGHTNESS = 0.3  # below it a fill is black or near it


def rating_of_colour(rgb: str) -> str | None:
    try:
        red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except (ValueError, TypeError):
        return None
    hue, saturation, brightness = colorsys.rgb_to_hsv(red, green, blue)
    if saturation < LEAST_SATURATION or brightness < LEAST_BRIGHTNESS:
        return None
    degrees = hue * 360
    return next((rating for low, high, rating in HUES if low <= degrees < high), None)
