"""The measures a designation writes: each unit word, in symbols and in words, with the kind of size it
gives (`vol`, `mass`, `len`, ...) and its factor to that kind's base unit, so '50 cl' and '0,5 l' are one size.
"""

from __future__ import annotations

MEASURES: dict[str, tuple[str, float]] = {
    "ml": ("vol", 1.0),
    "cl": ("vol", 10.0),
    "dl": ("vol", 100.0),
    "l": ("vol", 1000.0),
    "litre": ("vol", 1000.0),
    "litres": ("vol", 1000.0),
    "g": ("mass", 1.0),
    "gr": ("mass", 1.0),
    "kg": ("mass", 1000.0),
    "mm": ("len", 1.0),
    "cm": ("len", 10.0),
    "m": ("len", 1000.0),
    # A length written out ('de 100 mètres'): a size, not the word of a thing sold 'au mètre'.
    "metre": ("len", 1000.0),
    "metres": ("len", 1000.0),
    "meter": ("len", 1000.0),
    "meters": ("len", 1000.0),
    "micron": ("thick", 1.0),
    "microns": ("thick", 1.0),
    "µ": ("thick", 1.0),
    # The micrometre as printed ('17 µm') and as typed without the Greek letter ('17 um', '17 mu', '17 my').
    "µm": ("thick", 1.0),
    "um": ("thick", 1.0),
    "mu": ("thick", 1.0),
    "my": ("thick", 1.0),
    "plis": ("ply", 1.0),
    "pli": ("ply", 1.0),
    "ply": ("ply", 1.0),
    "v": ("volt", 1.0),
    "w": ("watt", 1.0),
    "lm": ("lumen", 1.0),
    # The same measures with their unit written out, as customers write them in words and
    # catalogues in symbols ('8 watt' for '8W', '45 lumens' for '45 lm', '2 kilos' for '2 kg').
    "watt": ("watt", 1.0),
    "watts": ("watt", 1.0),
    "volt": ("volt", 1.0),
    "volts": ("volt", 1.0),
    "lumen": ("lumen", 1.0),
    "lumens": ("lumen", 1.0),
    "kilo": ("mass", 1000.0),
    "kilos": ("mass", 1000.0),
    "gramme": ("mass", 1.0),
    "grammes": ("mass", 1.0),
    "grams": ("mass", 1.0),
    "liter": ("vol", 1000.0),
    "liters": ("vol", 1000.0),
    "millimetre": ("len", 1.0),
    "millimetres": ("len", 1.0),
    "millimeter": ("len", 1.0),
    "millimeters": ("len", 1.0),
    "centimetre": ("len", 10.0),
    "centimetres": ("len", 10.0),
    "centimeter": ("len", 10.0),
    "centimeters": ("len", 10.0),
    # A conductor's section, mm² folded to mm2.
    "mm2": ("area", 1.0),
    "cm2": ("area", 100.0),
    # A memory's capacity, in French octets and English bytes ('64 Go' is '64GB'); 'to' is no terabyte, as
    # '2 to 3' is a range.
    "mo": ("data", 1.0),
    "mb": ("data", 1.0),
    "go": ("data", 1000.0),
    "gb": ("data", 1000.0),
    "tb": ("data", 1000000.0),
}
