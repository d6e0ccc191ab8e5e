"""Remove what a browser would not show from an HTML page before its text is extracted.

Text a reader never sees is where injected instructions hide: `display:none`, `visibility:hidden`, zero font size
or opacity, off-screen positioning, the `hidden` attribute, `aria-hidden`, screen-reader-only classes, <template>,
comments. Such text is not part of the article a person reads, so it is not stored (image alt text is not stored
either: trafilatura drops it).
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*0(?:\.0*)?\s*(?:px|em|rem|pt|%)?\s*(?:;|$|!)"
    r"|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$|!)|(?:left|top|text-indent)\s*:\s*-\d{3,}"
    r"|clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%|(?:^|;)\s*(?:max-)?(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$|!)",
    re.IGNORECASE,
)
_COLOR = re.compile(r"(?:^|;)\s*color\s*:\s*([^;!]+?)\s*(?:;|!|$)", re.IGNORECASE)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;!]+?)\s*(?:;|!|$)", re.IGNORECASE)
_HIDDEN_CLASSES = {
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "hidden",
    "d-none",
    "is-hidden",
    "invisible",
    "hide",
    "offscreen",
    "u-hidden",
}
_DROP_TAGS = ("template", "noscript")
_QUICK = re.compile(
    r"hidden|display|visibility|font-size|opacity|sr-only|template|noscript|<!--|clip|indent|-\d{3,}|"
    r"offscreen|invisible|d-none|\bhide\b|height|width|color",
    re.IGNORECASE,
)


def _is_hidden(el) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").strip().lower() == "true":
        return True
    style = attrib.get("style", "")
    if _HIDDEN_STYLE.search(style):
        return True
    color, background = _COLOR.search(style), _BACKGROUND.search(style)
    if color and background and color.group(1).lower() == background.group(1).lower():
        return True  # white on white
    classes = set(attrib.get("class", "").lower().split())
    return bool(classes & _HIDDEN_CLASSES)


def strip_hidden(html: str) -> str:
    """The page without invisible elements and comments; the page unchanged when it has none or cannot be parsed."""
    if not _QUICK.search(html):
        return html
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError, RecursionError):
        return html
    doomed = list(tree.iter(lxml.etree.Comment))
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _DROP_TAGS or _is_hidden(el):
            doomed.append(el)
    if not doomed:
        return html
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail: visible text right after it stays
    try:
        return lxml.html.tostring(tree, encoding="unicode")
    except (ValueError, RecursionError):
        return html
