"""Indonesian derivational morphology, enough to expand trigger roots into word forms.

The lookup lemmatizer maps many forms to a root but loses what matters for roles
(active ``mendesak`` vs passive ``didesak`` vs noun ``desakan``) and conflates roots
(``memperingatkan`` and ``mengingat`` both become ``ingat``). So trigger patterns
name a root and the affix frames that carry the event, and this module generates
the surface forms with the meN-/peN- nasal alternations:

    >>> sorted(derive("desak", ["meN", "di", "-an"]))
    ['desakan', 'didesak', 'mendesak']
    >>> derive("tolak", ["meN", "peN-an"])["menolak"]
    'active'
"""

from __future__ import annotations

VOWELS = set("aeiou")


def _nasal(prefix: str, root: str) -> str:
    """meN-/peN- + root with the standard allomorphy (me/mem/men/meny/meng/menge)."""
    base = prefix[:-1]  # "me" or "pe"
    r = root.lower()
    second = r[1] if len(r) > 1 else ""
    cluster = second and second not in VOWELS  # kr-, pr-, tr-, st-: the consonant stays
    if len(r.replace("-", "")) <= 3 and r[0] not in VOWELS:  # monosyllables: menge-
        return base + "nge" + r
    c = r[0]
    if c in VOWELS or c in "gh":
        return base + "ng" + r
    if c == "k":
        return base + "ng" + (r if cluster else r[1:])
    if c in "bfv":
        return base + "m" + r
    if c == "p":
        return base + "m" + (r if cluster else r[1:])
    if c in "dcjz":
        return base + "n" + r
    if c == "t":
        return base + "n" + (r if cluster else r[1:])
    if c == "s":
        return base + ("n" + r if cluster else "ny" + r[1:])
    return base + r  # l m n r w y ng ny


# frame -> (builder, voice)
def _frames(root: str) -> dict[str, tuple[str, str]]:
    me, pe = _nasal("meN", root), _nasal("peN", root)
    return {
        "meN": (me, "active"),
        "meN-kan": (me + "kan", "active"),
        "meN-i": (me + "i", "active"),
        "memper-kan": ("memper" + root + "kan", "active"),
        "memper-i": ("memper" + root + "i", "active"),
        "di": ("di" + root, "passive"),
        "di-kan": ("di" + root + "kan", "passive"),
        "di-i": ("di" + root + "i", "passive"),
        "diper-kan": ("diper" + root + "kan", "passive"),
        "ter": ("ter" + root, "passive"),
        "ber": (("be" if root[0] == "r" else "ber") + root, "intransitive"),
        "ber-an": (("be" if root[0] == "r" else "ber") + root + "an", "intransitive"),
        "ber-kan": ("ber" + root + "kan", "intransitive"),
        "bare": (root, "noun"),
        "verb": (root, "intransitive"),  # bare verbs and adjectives: sepakat, setuju
        "-an": (root + "an", "noun"),
        "peN-an": (pe + "an", "noun"),
        "per-an": (("pe" if root[0] == "r" else "per") + root + "an", "noun"),
        "ke-an": ("ke" + root + "an", "noun"),
        "peN": (pe, "noun"),
    }


def derive(root: str, frames: list[str]) -> dict[str, str]:
    """Surface form -> voice ("active", "passive", "intransitive", "noun")."""
    table = _frames(root.lower())
    out: dict[str, str] = {}
    for frame in frames:
        if frame not in table:
            raise ValueError(f"unknown affix frame {frame!r} for root {root!r}")
        form, voice = table[frame]
        out[form] = voice
    return out


def voice_of(form: str) -> str:
    """Best guess of the voice of an explicit form given in a pattern file."""
    f = form.lower()
    if f.startswith("di") and len(f) > 4:
        return "passive"
    if f.startswith("me"):
        return "active"
    if f.startswith("ber") or f.startswith("be"):
        return "intransitive"
    return "noun"
