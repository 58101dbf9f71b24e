r"""Rule-based detection of contact details (phone, e-mail, street address, postcode) in posts.

A post that gives away where someone lives or how to reach them is personal whatever its tone, so
these details are flagged by explicit rules rather than left to the classifier. Each hit is a
character span on the original text, so callers can highlight or mask exactly what matched.

The rules favour precision: dates, prices, versions, times, scores, IP addresses and labelled
order/tracking numbers look like phone numbers and are excluded by grouping, digit counts and
context checks. Every pattern uses bounded repetition with unambiguous group boundaries, so
matching stays linear in the length of the text, even on adversarial input.

Speed: `re` skips quickly to where a match can start only when the pattern opens with a fixed
character or a character class; one that opens with a look-behind is tried at every position,
which cost more than all the rest of this module. So the street-number patterns open with their
first digit and look behind it (``\d(?<![\w.,/:-]\d)`` is ``(?<![\w.,/:-])\d``), and most other
rules carry a ``gate``: a cheap pattern, opening with a class, that every accepted match contains
(a postcode's digit-and-letters tail, an e-mail's "@"), searched first. Neither changes a result;
the tests compare with and without.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator, NamedTuple

__all__ = ["ContactSpan", "find_contact_details"]


class ContactSpan(NamedTuple):
    """One contact detail: ``text[start:end]`` is the matched surface."""

    start: int
    end: int
    text: str
    kind: str  # "phone" | "email" | "address" | "postcode"
    rule_id: str


Check = Callable[[str, re.Match[str]], bool]  # (text, match) -> keep the match?


class _Rule(NamedTuple):
    kind: str
    rule_id: str
    pattern: re.Pattern[str]
    check: Check | None
    needs_digit: bool  # prefilter: skip the rule when the text has no digit
    min_digits: int  # prefilter: no match of the rule has fewer digits than this
    gate: re.Pattern[str] | None = None  # prefilter: every match contains a match of this


# -- building blocks ------------------------------------------------------------------------------
_UP = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ"  # upper-case letters of the supported languages
_WORD = rf"[{_UP}][^\W\d_]{{1,30}}"  # a capitalised word (city, street name)
# Phones may not continue a number, handle, URL or date ("12.03", "+1", "/5"), nor run into one.
_BEFORE = r"(?<![\w+@/=])(?<!\d[.,:/-])"
_AFTER = r"(?![\w@/]|[.,:/-]\d)"
# A digit group after the first: 3+ digits, or 1-2 digits when another group follows ("+61 4 ...",
# "06 12 34 56 78") or a 2-digit group precedes ("... 56 78"), so "call 07700 900123 10 times"
# stops before "10". Each group ends where its digits end, so there is one way to split a number.
_GROUP = r"(?:(?:[ .-]\d{3,8}|[ .-]\d{1,2}(?=[ .-]\d)|(?<=[ .-]\d\d)[ .-]\d\d)(?!\d))"
_INTL_GROUP = rf"(?:[ .-]?\(\d{{1,5}}\)[ .-]?\d{{1,8}}(?!\d)|{_GROUP})"
# Dutch postcode "1012 LG", but not "4000 MB", "2000 AD" (SA, SD and SS are never issued).
_NL_CODE = r"[1-9]\d{3}[ ]?(?!SA|SD|SS|MB|GB|KB|TB|HD|AD|BC|CE|PM|AM|PX|KM|KG)[A-Z]{2}"
# ", 10115 Berlin", ", 00-590 Warszawa", ", 1012 LG Amsterdam" after a continental street.
_EU_TAIL = (rf"(?:,?[ ](?:\d{{5}}|\d{{2}}-\d{{3}}|{_NL_CODE})[ ]{_WORD}"
            rf"(?:[ -]{_WORD})?)?")
_EN_SUFFIX = ("street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|"
              "terrace|crescent|close|square|sq|grove|gardens|parade|highway|hwy|parkway|pkwy|"
              "circle|mews|row|walk|hill")
# Real UK postcode areas only, so look-alikes such as "PS5 2TB" are not postcodes.
_UK_AREAS = ("AB AL BA BB BD BH BL BN BR BS BT B CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL "
             "DN DT DY EC EH EN EX E FK FY GL GU GY G HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT "
             "KW KY LA LD LE LL LN LS LU L ME MK ML M NE NG NN NP NR NW N OL OX PA PE PH PL PO PR "
             "RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY S TA TD TF TN TQ TR TS TW UB WA "
             "WC WD WF WN WR WS WV W YO ZE").replace(" ", "|")
_US_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|"
              "NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
_IN_CITIES = ("New Delhi|Delhi|Mumbai|Bengaluru|Bangalore|Chennai|Kolkata|Hyderabad|Pune|Ahmedabad|"
              "Jaipur|Lucknow|Surat|Kanpur|Nagpur|Indore|Bhopal|Patna|Chandigarh|Kochi|Gurugram|"
              "Gurgaon|Noida|Thane|Vadodara|Coimbatore|Mysuru|Visakhapatnam")
_EU_CITIES = ("Berlin|Hamburg|München|Munich|Köln|Frankfurt|Stuttgart|Düsseldorf|Paris|Lyon|"
              "Marseille|Toulouse|Bordeaux|Lille|Madrid|Barcelona|Valencia|Sevilla|Bilbao|Roma|"
              "Rome|Milano|Milan|Napoli|Torino|Firenze|Bologna")

# -- context checks -------------------------------------------------------------------------------
_LABEL = re.compile(r"(?:\b(?:order|ref|reference|ticket|tracking|invoice|case|isbn|booking|"
                    r"account|acct|parcel|serial)\b(?:[ .:#-]{0,3}(?:no|nr|num|number|id|code)\b)?"
                    r"[ .:#-]{0,3}|#[ ]?)$", re.IGNORECASE)
_DATE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}")
_PLACE_BEFORE = re.compile(r"(?:,[ ]{0,2}|\b([A-Z][a-z'.-]{1,30})[ ]{1,2})$")
_NOT_PLACES = frozenset("My Your Our Their His Her The This That In On At And Or For From To"
                        .split())
_AU_FIRST_DIGITS = {"NSW": "12", "ACT": "02", "VIC": "38", "QLD": "49", "SA": "5", "WA": "6",
                    "TAS": "7", "NT": "0"}
_STREET_STOP = frozenset(
    "the a an my your our his her their its this that these those to of on in at for from by with "
    "down up over into onto across along around near and or but is are was were be i you we they "
    "he she it me us them just only more less than then hours hour mins minutes days weeks months "
    "years miles mile km times people kids cats dogs".split())
_AMBIGUOUS_SUFFIX = frozenset("way drive dr court ct place pl close square sq grove gardens parade "
                              "circle mews row walk hill".split())
_TLDS = frozenset("com net org edu gov mil io co uk us ca au de fr es it nl pl in ie nz za ng ke "
                  "eu ch at be se no dk fi pt br mx jp info biz me tv dev app ai xyz online email"
                  .split())
_LOCAL_STOP = frozenset(
    "me you him her us them it we they i he she is are was were am be been meet see look here "
    "there home work stay stayed just now and or but not up out in on off back only still all one "
    "someone anyone everyone best least last first once dinner lunch coffee the a an to of for "
    "from by with this that who where when get got go went come came live lives lived born buy "
    "sell available online".split())
_DOMAIN_STOP = frozenset("the a an my your our his her their this that home work school least last "
                         "first once all night noon".split())


def _spelled(word: str, symbol: str) -> str:
    """Separator of an obfuscated address: " at ", "[at]", "(dot)", "<at>" or the real symbol."""
    return (rf"[ ]{{0,2}}[\[({{<][ ]{{0,2}}{word}[ ]{{0,2}}[\])}}>][ ]{{0,2}}"
            rf"|[ ]{{1,2}}{word}[ ]{{1,2}}|{symbol}")


_AT, _DOT = _spelled("at", "@"), _spelled("dot", r"\.")
_DOT_PART = re.compile(rf"({_DOT})([A-Za-z0-9-]{{1,63}})", re.IGNORECASE)
_GAP = re.compile(rf",?[ ]{{0,2}}(?:{_WORD}(?:[ -]{_WORD}){{0,2}},?[ ]{{1,2}}){{0,2}}")


def _phone(lo: int, hi: int) -> Check:
    """Digit-count window for a phone family, plus the date and order-number exclusions."""
    def check(text: str, m: re.Match[str]) -> bool:
        surface = m.group()
        digits = sum(c.isdigit() for c in surface)
        return (lo <= digits <= hi and not _DATE.fullmatch(surface)
                and not _LABEL.search(text, max(0, m.start() - 40), m.start()))
    return check


def _after_place(text: str, m: re.Match[str]) -> bool:
    """A bare state + number is a postcode only after a comma or a capitalised place name."""
    before = _PLACE_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None or before.group(1) in _NOT_PLACES:
        return False
    state, number = m.group().split()[:2]
    return len(number) != 4 or number[0] in _AU_FIRST_DIGITS[state]  # AU states own ranges


def _street_ok(text: str, m: re.Match[str]) -> bool:
    """Reject "5 miles down the road": function words and counted nouns are not street names."""
    words = m.group("name").split()
    if any(w.lower().rstrip(".") in _STREET_STOP for w in words):
        return False
    suffix = m.group("suffix").lower().rstrip(".")
    return suffix not in _AMBIGUOUS_SUFFIX or all(w[0].isupper() or w[0].isdigit() for w in words)


def _obfuscated_ok(text: str, m: re.Match[str]) -> bool:
    """Need a plausible local part, a domain word and a real-looking TLD after the last "dot"."""
    local, at, domain = m.group("local"), m.group("at"), m.group("domain")
    parts = _DOT_PART.findall(m.group("rest"))
    literal = [sep == "." for sep, _ in parts]
    if parts[-1][1].lower() not in _TLDS or (at == "@" and all(literal)):
        return False  # plain addresses belong to the plain rule
    bare = at.strip() == "at"  # lower-case "at" with no brackets: ordinary English is likely
    if bare and (any(literal) or (len(local) > 4 and local.lower().endswith("ing"))):
        return False  # "working at google.com", "laughing at reddit dot com"
    return local.lower() not in _LOCAL_STOP and domain.lower() not in _DOMAIN_STOP


def _rule(kind: str, rule_id: str, pattern: str, check: Check | None = None,
          flags: int = 0, needs_digit: bool = True, min_digits: int = 1,
          gate: str | None = None) -> _Rule:
    return _Rule(kind, rule_id, re.compile(pattern, flags), check, needs_digit,
                 min_digits if needs_digit else 0, None if gate is None else re.compile(gate))


# Order breaks ties between equally long overlapping candidates: earlier wins.
_RULES: tuple[_Rule, ...] = (
    _rule("email", "contact.email.plain",
          r"(?<![\w.%+'’-])[A-Za-z0-9][\w.%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}"
          r"(?![\w-])", needs_digit=False, gate="@"),
    _rule("email", "contact.email.obfuscated",
          r"(?<![\w.+'’-])(?P<local>[A-Za-z0-9][\w.+-]{0,63})"
          rf"(?P<at>{_AT})(?P<domain>[A-Za-z0-9][A-Za-z0-9-]{{0,62}})"
          rf"(?P<rest>(?:(?:{_DOT})[A-Za-z0-9-]{{1,63}}){{1,3}})(?![\w-])",
          _obfuscated_ok, re.IGNORECASE, needs_digit=False,
          # _obfuscated_ok wants a spelled "dot" unless the "at" is bracketed or not lower-case.
          gate=r"[dD\[({<aA](?:(?<=[dD])[oO][tT]|(?<=[\[({<])[ ]{0,2}[aA][tT][ ]{0,2}[\])}>]"
               r"|(?<=A)[tT]|(?<=a)T)"),
    _rule("phone", "contact.phone.international",
          rf"{_BEFORE}(?:\+[1-9]\d{{0,13}}(?!\d){_INTL_GROUP}{{0,6}}|"
          rf"00[1-9]\d{{0,3}}(?!\d){_INTL_GROUP}{{1,6}}){_AFTER}", _phone(7, 15), min_digits=7),
    _rule("phone", "contact.phone.nanp",  # US/Canada: (555) 123-4567, 555.123.4567, 1-800-...
          rf"{_BEFORE}(?:1[ .-])?(?:\([2-9]\d\d\)[ ]?|[2-9]\d\d[ .-])\d{{3}}[ .-]\d{{4}}{_AFTER}",
          _phone(10, 11), min_digits=10),
    _rule("phone", "contact.phone.national",  # trunk prefix 0: UK, IE, AU, DE, FR, IN, NG, KE
          rf"{_BEFORE}(?:(?:\(0[1-9]\d{{0,3}}\)[ ]?|0[1-9]\d{{0,3}}[ .-])\d{{2,8}}(?!\d)"
          rf"{_GROUP}{{0,4}}|0[1-9]\d{{8,9}}){_AFTER}", _phone(9, 12), min_digits=9),
    _rule("phone", "contact.phone.india_mobile", rf"{_BEFORE}[6-9]\d{{4}}[ -]\d{{5}}{_AFTER}",
          _phone(10, 10), min_digits=10),
    _rule("address", "contact.address.english",  # US, UK, CA, AU, IE, IN: "221B Baker Street"
          rf"\d(?<![\w.,/:-]\d)\d{{0,4}}[A-Za-z]?(?:[-/]\d{{1,5}})?[ ]"
          rf"(?P<name>(?:(?:\d{{1,3}}(?:st|nd|rd|th)|[A-Za-z][A-Za-z'’-]{{0,24}}\.?)[ ]){{1,4}}?)"
          rf"(?P<suffix>(?i:{_EN_SUFFIX})\.?)(?![\w'’])(?:[ ](?:NE|NW|SE|SW|N|S|E|W)\b)?",
          _street_ok),
    _rule("address", "contact.address.de",  # Hauptstraße 5, Berliner Straße 12, Musterweg 12
          rf"(?<![\w-])(?:(?:{_WORD}[ -]){{0,2}}[{_UP}][^\W\d_]{{1,30}}?(?:straße|strasse|str\.|"
          rf"weg|allee|platz|gasse|damm|ufer)|(?:{_WORD}[ -]){{1,2}}(?:Straße|Strasse|Str\.|Weg|"
          rf"Allee|Platz|Gasse|Ring|Damm))[ ]\d{{1,4}}[a-z]?(?!\w){_EU_TAIL}",
          gate=r"\d(?<=[egrzm.][ ]\d)"),
    _rule("address", "contact.address.fr",  # 12 rue de la Paix, 75002 Paris
          rf"\d(?<![\w.,/-]\d)\d{{0,3}}(?:[ ]?(?:bis|ter))?,?[ ](?i:rue|avenue|boulevard|bd|place|"
          rf"allée|impasse|chemin|quai|route|cours)[ ](?:(?:de|du|des|la|le|les|d'|l'|d’|l’)[ ]?)"
          rf"{{0,3}}[{_UP}][\w'’-]{{1,30}}(?:[ ][{_UP}][\w'’-]{{1,30}}){{0,3}}{_EU_TAIL}"),
    _rule("address", "contact.address.es",  # Calle Mayor 10, 28013 Madrid
          rf"(?<![\w-])(?i:calle|c/|avenida|avda\.|plaza|paseo|carrer|camino|ronda)[ ]?"
          rf"(?:(?:de|del|la|las|los|el)[ ]){{0,2}}{_WORD}(?:[ ]{_WORD}){{0,2}},?[ ]"
          rf"(?:n[º°o]\.?[ ]?)?\d{{1,4}}(?!\w){_EU_TAIL}"),
    _rule("address", "contact.address.it",  # Via Roma 1, 00184 Roma
          rf"(?<![\w-])(?:Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo)[ ](?:(?:del|della|dei|"
          rf"delle|di|degli|dello)[ ]){{0,2}}{_WORD}(?:[ ]{_WORD}){{0,2}},?[ ]\d{{1,4}}[a-z]?(?!\w)"
          rf"{_EU_TAIL}", gate="(?:Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo) "),
    _rule("address", "contact.address.nl",  # Kalverstraat 92; Damrak 1, 1012 LG Amsterdam
          rf"(?<![\w-])(?:(?:{_WORD}[ ])?[{_UP}][^\W\d_]{{1,30}}?(?:straat|gracht|laan|plein|kade|"
          rf"dijk|singel|steeg)[ ]\d{{1,4}}[a-z]?(?!\w){_EU_TAIL}|{_WORD}(?:[ ]{_WORD})?[ ]"
          rf"\d{{1,4}}[a-z]?,?[ ]{_NL_CODE}[ ]{_WORD})",
          gate=r"\d(?:(?<=(?:at|ht|an|in|de|jk|el|eg)[ ]\d)|(?<=[1-9])\d{3}[ ]?[A-Z]{2})"),
    _rule("address", "contact.address.pl",  # ul. Marszałkowska 10, 00-590 Warszawa
          rf"(?<![\w-])(?i:ul\.|ulica|al\.|aleja|aleje|pl\.|plac|os\.|osiedle)[ ]?{_WORD}"
          rf"(?:[ ]{_WORD}){{0,2}}[ ]\d{{1,4}}[a-z]?(?:/\d{{1,4}})?(?!\w){_EU_TAIL}"),
    _rule("postcode", "contact.postcode.uk",
          rf"(?<![\w-])(?:{_UK_AREAS})\d[A-Z\d]?[ ]?\d[ABD-HJLNP-UW-Z]{{2}}(?![\w-])",
          min_digits=2, gate=r"\d[ABD-HJLNP-UW-Z]{2}(?![\w-])"),
    _rule("postcode", "contact.postcode.ca",
          r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])",
          min_digits=3, gate=r"\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])"),
    _rule("postcode", "contact.postcode.us",
          rf"(?<![\w-])(?:{_US_STATES})[ ]{{1,2}}\d{{5}}(?:-\d{{4}})?(?![\w-])", _after_place,
          min_digits=5, gate=r"\d(?<=[A-Z ][ ]\d)\d{4}"),
    _rule("postcode", "contact.postcode.au",
          r"(?<![\w-])(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ ]{1,2}\d{4}(?![\w-])", _after_place,
          min_digits=4, gate=r"\d(?<=[A-Z ][ ]\d)\d{3}(?![\w-])"),
    _rule("postcode", "contact.postcode.in",
          rf"(?<![\w-])(?:(?:{_IN_CITIES})[ ]?[-,:]?[ ]?[1-9]\d{{2}}[ ]?\d{{3}}|"
          rf"(?i:pin[ ]?code|pin)[ ]?[:#-]?[ ]?(?P<span>[1-9]\d{{2}}[ ]?\d{{3}}))(?![\w-])",
          min_digits=6, gate=r"[1-9]\d{2}[ ]?\d{3}(?![\w-])"),
    _rule("postcode", "contact.postcode.nl", rf"(?<![\w-]){_NL_CODE}[ ]{_WORD}", min_digits=4,
          gate=rf"[1-9]\d{{3}}[ ]?[A-Z]{{2}}[ ][{_UP}]"),
    _rule("postcode", "contact.postcode.pl", rf"(?<![\w-])\d{{2}}-\d{{3}}[ ]{_WORD}",
          min_digits=5, gate=rf"\d\d-\d{{3}}[ ][{_UP}]"),
    _rule("postcode", "contact.postcode.eu", rf"(?<![\w-])\d{{5}}[ ](?:{_EU_CITIES})(?!\w)",
          min_digits=5, gate=r"\d\d{4}[ ][A-Z]"),
)
_RANK = {rule.rule_id: i for i, rule in enumerate(_RULES)}
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]{1,2000}", re.IGNORECASE)
# The word "at" in any case (IGNORECASE matches nothing else to "a" or "t"), written to open
# with a class so that `re` can scan for it.
_AT_WORD = re.compile(r"[aA](?<!\w[aA])[tT](?!\w)")


def _scan(rule: _Rule, text: str) -> Iterator[ContactSpan]:
    """All accepted matches of one rule; a rejected match retries one character later."""
    pos, has_span = 0, "span" in rule.pattern.groupindex
    while (m := rule.pattern.search(text, pos)) is not None:
        if rule.check is None or rule.check(text, m):
            start, end = m.span("span") if has_span and m.group("span") else m.span()
            yield ContactSpan(start, end, text[start:end], rule.kind, rule.rule_id)
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1


def _merge_places(text: str, spans: list[ContactSpan]) -> list[ContactSpan]:
    """Join a street to the postcode after it ("10 Downing Street, London SW1A 2AA")."""
    out: list[ContactSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "address" and span.kind == "postcode"
                and span.start - prev.end <= 60 and _GAP.fullmatch(text, prev.end, span.start)):
            out[-1] = prev._replace(end=span.end, text=text[prev.start:span.end])
        else:
            out.append(span)
    return out


def find_contact_details(text: str) -> list[ContactSpan]:
    """Find phone numbers, e-mail addresses, street addresses and postcodes in ``text``.

    Overlapping candidates are resolved longest first, so a full address wins over the postcode
    inside it; a street directly followed by its city and postcode is reported as one address.

    Parameters
    ----------
    text : str
        The post to scan.

    Returns
    -------
    list of ContactSpan
        Sorted by ``start`` and non-overlapping; ``text[s.start:s.end] == s.text``.

    Examples
    --------
    >>> spans = find_contact_details("ring 07700 900123 or jo at example dot com, not 2024-03-15")
    >>> [(s.text, s.kind, s.rule_id) for s in spans]  # doctest: +NORMALIZE_WHITESPACE
    [('07700 900123', 'phone', 'contact.phone.national'),
     ('jo at example dot com', 'email', 'contact.email.obfuscated')]
    """
    digits = len(_DIGIT.findall(text))
    has_at = "@" in text or _AT_WORD.search(text) is not None
    if not (digits or has_at):
        return []
    candidates = [span for rule in _RULES
                  if digits >= rule.min_digits and (has_at or rule.kind != "email")
                  and (rule.gate is None or rule.gate.search(text))
                  for span in _scan(rule, text)]
    if not candidates:
        return []  # links only take ground from candidates
    candidates.sort(key=lambda s: (s.start - s.end, _RANK[s.rule_id], s.start))
    # URLs are seeded as taken ground so digits in links ("?id=0207946095") are not flagged.
    chosen = [ContactSpan(*m.span(), m.group(), "url", "") for m in _URL.finditer(text)]
    starts = [span.start for span in chosen]
    for span in candidates:  # greedy longest-first; bisect keeps the overlap test O(log n)
        i = bisect.bisect_right(starts, span.start)
        clear_left = i == 0 or chosen[i - 1].end <= span.start
        clear_right = i == len(chosen) or span.end <= chosen[i].start
        if clear_left and clear_right:
            starts.insert(i, span.start)
            chosen.insert(i, span)
    return _merge_places(text, [span for span in chosen if span.kind != "url"])
