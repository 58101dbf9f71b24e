"""Evidence spans: the words that show a post *discloses* something about its author.

The statistical model says *how likely* a post is to disclose health, substances, whereabouts
and so on; it cannot say *which words* made it think so. This module supplies that evidence,
so a person can be told "mentions your health: 'A&E', 'no sleep'". It is deliberately a
rule-based, explainable companion to the model, not a second classifier.

The hard part is telling *disclosing* from *discussing*: "Hospitals are short of nurses" names
a health word but says nothing about the author, "third night in A&E with my dad" does. So every
cue carries ``framed``: whether it sits in first-person or own-circle framing (I, my, we, our,
mum, the wife...) in the same sentence and within a few words, or is a phrase that only makes
sense as a self-disclosure ("hungover", "called in sick", "house empty"). Cues that are not
framed are still returned, so callers can show or ignore them.

Design notes (why it looks like this):

* Lexicons are plain tuples of small regular-expression fragments, one tuple per category and
  rule kind, written in a tiny notation: a space stands for a short run of blanks or a hyphen,
  ``'`` for an optional apostrophe (``can't`` also matches ``cant`` and ``can’t``), ``<APOS>``
  for a required one (so ``we<APOS>re`` never matches "were"), and ``<DATE>``, ``<TIME>``...
  for shared sub-patterns. They mean one regex per category, but compiling those takes `re`
  ~0.4 s, too slow for a pre-send hook; so each fragment is indexed by the words it can start
  with and compiled the first time a post needs it, with the same results (see "Matching").
* Every repetition is bounded or cannot overlap with its neighbour, and context checks look at
  fixed-size slices, so matching is linear in the length of the post.
* Near-misses ("sick goal", "high school", "drunk on power", "ex-army") are removed by negative
  look-aheads in the fragments or by the ``_VETOES`` table (context just before or after a cue,
  or a word near it), kept as data so they can be read and extended.
* Business voice ("we're hiring", "our menu", "join us") makes we/our/us stop counting as
  framing for the whole post, because a company's "we" is not a person's; so do "my patients",
  "our NHS", "we need to..." and "I think...", which speak about others or about the world.
* Posts drop their subject ("Been in A&E all night", "So drunk", "Migraine since 6am"), so a
  clause opening with such a verb or intensifier, or a sentence made of the cue and a time word,
  counts as framing; and a phrase that is a disclosure by itself frames its neighbours
  ("gate 14, boarding in 20" makes "at the airport" framed).
* Categories are matched independently, so one span can be evidence for two ("panic attack" is
  health and emotional_distress); within a category, matches do not overlap.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate, compress
from typing import NamedTuple

__all__ = ["Evidence", "CATEGORIES", "find_evidence"]


class Evidence(NamedTuple):
    """One cue: ``text[start:end]``, what it suggests, which rule found it, and its framing."""

    start: int
    end: int
    text: str
    category: str
    rule_id: str
    framed: bool


#: Categories a cue can belong to (contact details are detected elsewhere in tweetmix).
CATEGORIES: tuple[str, ...] = (
    "health", "sexuality", "relationships", "family", "substances", "emotional_distress",
    "whereabouts", "finances", "work_grievance", "beliefs",
)

# --------------------------------------------------------------------------------------------
# Shared sub-patterns, spliced into fragments as <NAME>.
# --------------------------------------------------------------------------------------------

_WEEKDAY = ("(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu"
            "|fri|sat|sun)")
_MONTH = ("(?:january|february|march|april|may|june|july|august|september|october|november"
          "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_TIME = (r"(?:\d{1,2}(?:[:.]\d{2})?(?: ?(?:am|pm|a\.m\.|p\.m\.))?|noon|midnight|lunchtime|dawn"
         r"|sunrise)")
_PLACEHOLDERS: tuple[tuple[str, str], ...] = (
    # Longest first: Python's regex takes the first alternative that fits, not the longest.
    ("<DATE>", rf"(?:(?:the )?{_DAYNUM}(?: of)? {_MONTH}|{_MONTH}(?: the)?(?: {_DAYNUM})?"
               rf"|next (?:week|month|weekend|{_WEEKDAY})|(?:the )?end of (?:the )?(?:week|month)"
               rf"|the weekend|{_WEEKDAY}|tomorrow|tonight|the {_DAYNUM}"
               r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|christmas|new year|easter)"),
    ("<DURATION>", r"(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|a couple of"
                   r"|a few|\d{1,2}) (?:days?|weeks?|months?|nights?|fortnight)|the (?:week"
                   r"|weekend|fortnight|month|summer|holidays))"),
    ("<WEEKDAY>", _WEEKDAY),
    ("<TIME>", _TIME),
    # "I'm", "I am", "we're"... with up to two intensifiers: "I'm so still drunk".
    ("<IAM>", "(?:i'm|i am|i was|i've been|i have been|i've|i got|we<APOS>re|we are|we were"
              "|we've been|we got)(?: (?:so|still|a bit|bit|well|proper|properly|absolutely"
              "|completely|totally|literally|really|very|pretty|quite|now|currently|officially"
              "|finally|also|just|actually|getting|feeling|being|basically|kinda|sooo|soo|too"
              "|that|such a|a|an|newly)){0,2}"),
    ("<MYQ>", "(?:my|our)(?: (?:own|poor|lovely|darling|beautiful|amazing|little|new|old|current"
              "|late|dear|beloved|wonderful|stupid|bloody|useless|horrible|awful|terrible|ex"
              "|eldest|youngest|middle|baby|big|step|two|three|twin|favourite|favorite|best"
              "|future)){0,2}"),
    # "our" only where couples and families use it; a business's "our VP" is not a disclosure.
    ("<MY>", "my(?: (?:own|new|current|latest|last|first|monthly))?"),
    ("<OUR>", "(?:my|our)(?: (?:own|new|current|latest|last|first|monthly))?"),
    ("<NUM>", r"(?:\d{1,2}|a few|few|a couple of|couple of|couple|one|two|three|four|five|six"
              r"|seven|eight|nine|ten|eleven|twelve|several|too many|so many)"),
    ("<SUBST>", "(?:booze|alcohol|drink|drinking|the drink|the bottle|wine|weed|cannabis|coke"
                "|cocaine|pills|painkillers|opioids|heroin|gambling|smoking|nicotine|vaping|vapes"
                "|vape|drugs|crack|meth|ketamine|ket|benzos|xanax|valium|codeine|sleeping pills"
                "|cigarettes|fags|snus|speed)"),
    ("<APOS>", "['’]"),
)

# --------------------------------------------------------------------------------------------
# Lexicons. Kinds: "first_person" (the phrase itself is first person: "my therapist"),
# "self" (self-disclosing without a pronoun: "hungover"), "term" (needs framing nearby), and a
# few named special rules. Kinds in _INHERENT are framed by themselves.
# --------------------------------------------------------------------------------------------

_HEALTH: dict[str, tuple[str, ...]] = {
    "first_person": (
        "<MY> (?:therapist|therapy|counsellor|counselor|counselling|counseling|psychiatrist"
        "|meds|medication|medications"
        "|tablets|prescription|antidepressants|anti-depressants|inhaler|insulin|gp|doctor|doctors"
        "|consultant|surgeon|oncologist|midwife|diagnosis|surgery|operation|op|scan|scans"
        "|test results|blood tests?|biopsy|treatment|chemo|radiotherapy|migraines?|symptoms"
        "|condition|illness|disability|cancer|tumou?r|pregnancy|bump|due date|period|ivf|anxiety"
        "|depression|adhd|autism|ocd|ptsd|bipolar|eating disorder|mental health|health"
        "|hospital appointment|gp appointment|stitches|crutches|wheelchair|recovery"
        "|immune system|blood pressure|asthma|diabetes|physio|sick note|sick leave|fertility"
        "|miscarriage|c-section|hysterectomy|mastectomy|transplant|covid test|hay fever)",
        "(?:broke|broken|sprained|twisted|fractured|dislocated|injured|hurt|pulled|tore|torn"
        "|bruised|cracked|busted|did) my (?:wrist|arm|leg|ankle|back|knee|hip|shoulder|neck"
        "|finger|toe|nose|rib|ribs|collarbone|foot|hand|hamstring|acl|achilles|elbow|jaw|tooth"
        "|thumb|calf|groin)",
        "<IAM> (?:pregnant|diagnosed|in hospital|in a&e|in the hospital|ill|sick|poorly|unwell"
        "|infected|admitted|sectioned|on antibiotics|on antidepressants|on meds|on medication"
        "|in remission|in labou?r|on crutches|bedbound|bed-bound|housebound|off sick"
        "|having a (?:panic attack|migraine|seizure|flare up)|recovering|being induced"
        "|throwing up|vomiting|immunocompromised|autistic|diabetic|epileptic|anaemic|anemic"
        "|asthmatic)",
        "i (?:tested positive|have (?:covid|flu|cancer|diabetes|asthma|adhd|autism|ocd|ptsd"
        "|epilepsy|endometriosis|pcos|long covid|a fever|a temperature|a migraine|tonsillitis"
        "|an infection|the flu|a chest infection|a uti|glandular fever|shingles|chickenpox)"
        "|had (?:a miscarriage|surgery|an operation|a seizure|a panic attack|covid|a stroke"
        "|a heart attack|chemo)|(?:was|got) diagnosed|miscarried|collapsed|fainted|passed out"
        "|threw up)",
        "(?:mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandad|grandpa|wife|husband|partner|son"
        "|daughter|sister|brother|baby)<APOS>s (?:in hospital|in a&e|in intensive care|in icu"
        "|having surgery|having chemo|been diagnosed|got cancer|got covid|not well|poorly|ill)",
    ),
    "self": (
        "off sick", "sick note", "under the weather", "bed rest", "doctor's orders",
        "signed off (?:sick|work|for \\w{1,10} weeks?)", "post-op",
        "(?:back|knee|hip|shoulder|neck|hamstring|ankle|wrist|throat|chest|stomach|tooth|calf"
        "|groin|foot|feet|hand|hands)(?:<APOS>s| is| has) (?:gone|shot|killing me|in agony"
        "|throbbing|wrecked|knackered|ruined|playing up|giving me grief|in bits)",
    ),
    "term": (
        "a&e", "(?-i:ER)", "emergency room", "urgent care", "walk-in centre",
        "hospital(?:s|ised|ized|isation|ization)?", "icu", "intensive care", "surgery",
        "surgeries", "operated on", "operating theatre", "diagnos(?:ed|is|es)", "meds",
        "medication", "prescriptions?", "painkillers?", "paracetamol", "ibuprofen", "codeine",
        "morphine", "anti-?depressants?", "sertraline", "citalopram", "fluoxetine", "antibiotics",
        "inhaler", "insulin", "therap(?:y|ist|ists)", "counsell?ing", "psychiatrist",
        "chemo(?:therapy)?", "radiotherapy", "cancer", "tumou?rs?", "biopsy", "mri", "ct scan",
        "x-?rays?", "ultrasound", "smear test", "mammogram", "blood tests?", "migraines?", "flu",
        "flu jabs?", "flu shots?", "covid(?:-?19)?", "long covid", "pregnan(?:t|cy)",
        "miscarr(?:iage|ied)", "ivf", "fertility treatment", "panic attacks?", "stitches", "sick",
        "sick days?", "sick leave", "ill", "illness", "poorly", "unwell", "fever", "feverish",
        "vomit(?:ing|ed)?", "throwing up", "threw up", "nause(?:a|ous)", "infection", "asthma",
        "diabet(?:es|ic)", "epilep(?:sy|tic)", "seizures?", "adhd", "autis(?:m|tic)", "ocd",
        "ptsd", "bipolar", "eating disorder", "anorexi(?:a|c)", "bulimi(?:a|c)", "insomnia",
        "no sleep", "can't sleep", "couldn't sleep", "gp", "doctors? appointment",
        "gp appointment", "hospital appointment", "doctor", "dentist", "physio(?:therapy)?",
        "ambulance", "paramedics?",
        "broken (?:arm|leg|wrist|ankle|rib|ribs|nose|toe|finger|collarbone|hip|foot|hand|elbow"
        "|jaw)", "sprained (?:ankle|wrist)", "concussion", "fractured?", "sore throat",
        "headache", "hay ?fever", "allergic reaction", "surgeon", "oncologist", "psych ward",
        "sectioned", "hospice", "terminally ill", "terminal (?:cancer|diagnosis|illness)",
        "dying", "vaccine", "booster", "menopaus(?:e|al)", "perimenopaus(?:e|al)",
        "period pain", "endometriosis", "pcos", "in labou?r", "went into labou?r",
        "labou?r ward", "c-section", "heart attack", "had a stroke", "mini stroke",
        "tested positive", "recovering from", "crutches", "wheelchair", "me/cfs",
        "chronic fatigue", "fibromyalgia", "chronic pain", "flare up", "cough(?:ing)?",
        "chest infection", "uti", "tonsillitis", "covid test", "lateral flow",
        "(?:self )?isolating", "quarantin(?:e|ing)", "chickenpox", "measles", "shingles",
        "strep(?: throat)?", "gastro", "norovirus", "stomach bug", "food poisoning", "tinnitus",
        "hearing aids?", "stents?", "pacemaker", "blood pressure", "cholesterol",
        "(?:knee|hip|heart|back|eye|shoulder|ankle|wrist|gallbladder|hernia) (?:op|operation"
        "|surgery|replacement)", "seasick", "carsick", "travel sick", "spasms?", "carpal tunnel",
        "slipped disc", "sciatica", "arthritis", "dengue", "malaria", "laparoscopy",
        "(?:bad|sore|dodgy|slipped) (?:back|knee|hip|disc|shoulder)", "sick pay",
        "feeling (?:sick|ill|rough|poorly|unwell|awful|dizzy|faint|feverish|nauseous|queasy"
        "|run down|like death)",
    ),
}

_SEXUALITY: dict[str, tuple[str, ...]] = {
    "first_person": (
        "<IAM> (?:gay|bi|bisexual|lesbian|a lesbian|queer|pan|pansexual|ace|asexual|trans"
        "|transgender|non-?binary|nonbinary|straight|horny|kinky|a virgin|closeted"
        "|in the closet)",
        "i (?:came out|come out|slept with|hooked up with|had sex|lost my virginity|sent nudes"
        "|sent him nudes|sent her nudes)",
        "<MY> (?:sexuality|kinks?|sex life|body count|hookup|hook-up|one night stand|fwb"
        "|gender identity|pronouns|coming out|transition)",
        "(?:came|coming) out to (?:my|our) (?:mum|mom|dad|parents|family|friends|boss|colleagues"
        "|nan|gran)",
    ),
    "self": (
        "one night stand", "friends with benefits", "fwb", "threesome", "sexting", "sent nudes",
        "dick pics?", "walk of shame", "booty call",
    ),
    "term": (
        "sex", "sexual(?:ity|ly)?", "hookups?", "hook up with", "hooked up with",
        "hooking up with", "horny", "nudes", "gay", "lesbians?", "bi", "bisexual", "pansexual",
        "asexual", "queer", "trans(?:gender)?", "non-?binary", "(?:came|coming|come) out (?:as|to)",
        "kinky", "kinks?", "kinkster", "grindr", "onlyfans", "porn", "orgasms?", "condoms?",
        "virgin(?:ity)?", "closeted", "in the closet", r"lgbtq?i?a?\+?", "slept together",
        "had sex", "sleeping with", "sugar daddy", "dtf", "flirt(?:ing|ed|y|s)?", "sapphic",
    ),
}

_RELATIONSHIPS: dict[str, tuple[str, ...]] = {
    "first_person": (
        "<MYQ> (?:partner|other half|ex-?(?:wife|husband|girlfriend|boyfriend|partner|gf|bf)|ex"
        "|bf|gf|boyfriend|girlfriend|husband|hubby|wife|wifey|fianc[ée]e?|missus|date night"
        "|date|crush|marriage|relationship|wedding|divorce|engagement|love life|situationship"
        "|anniversary|first date|honeymoon|spouse|bae|lover)",
        "(?:i|we) (?:broke up|split up|split|separated|got engaged|got married"
        "|are getting married|got divorced|are getting divorced|are divorcing|matched"
        "|went on a date|had a date|got dumped|got ghosted|got back together)",
        "(?:dumped|cheated on|ghosted|proposed to|broke up with|left) (?:me|us)", "left me for",
        "<IAM> (?:single|single again|engaged|married|divorced|separated|dating|seeing someone"
        "|in love|heartbroken|newly single|getting married|getting divorced|a widow|a widower"
        "|widowed)",
    ),
    "self": (
        "the ex", "the wife", "the missus", "the hubby", "the other half", "single again",
        "newly single", "date night", "first date", "left on read",
    ),
    "term": (
        "boyfriends?", "girlfriends?", "bf", "gf", "bae", "husband", "hubby", "wife", "wifey",
        "fianc[ée]e?s?", "ex(?!-)",
        "ex-?(?:wife|husband|girlfriend|boyfriend|partner|gf|bf|fianc[ée]e?)", "dating",
        "dating apps?", "tinder", "hinge", "bumble", "break ?ups?", "broke up", "broken up",
        "split up", "splitting up", "dumped", "cheat(?:ed|ing|er|s)?", "affair",
        "situationship", "divorc(?:e|ed|es|ing)", "separated", "ghost(?:ed|ing)", "married",
        "marriage", "wedding", "honeymoon", "in love", "crush", "marriage counsell?ing",
        "couples therapy", "relationship", "long distance", "engaged", "love of my life",
        "soulmate", "widow(?:ed|er)?", "matched with", "swipe (?:left|right)",
        "(?:he|she|they|bf|boyfriend|girlfriend|partner) proposed",
        "(?:coffee|dinner|hinge|tinder|bumble|blind|second|third|first) date", "on a date",
        "went on a date", "\\d{1,2} years married", "years married", "wedding anniversary",
        "mov(?:e|ing|ed) in together", "stood up",
    ),
}

_FAMILY: dict[str, tuple[str, ...]] = {
    "first_person": (
        "<MYQ> (?:(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        " ?(?:yo|y/o|year old|month old|week old)s?)",
        "<MYQ> (?:son|sons|daughter|daughters|boy|boys|girl|kid|kids|children|child|baby|babies"
        "|toddler|newborn|twins|mum|mom|mam|mummy|mommy|dad|daddy|mother|father|parents|folks"
        "|sister|sisters|brother|brothers|sis|bro|siblings?|nan|nana|nanna|gran|granny|grandma"
        "|grandmother|grandad|granddad|grandpa|grandfather|grandparents|grandkids|grandchildren"
        "|grandson|granddaughter|aunt|auntie|aunty|uncle|cousin|cousins|niece|nieces|nephew"
        "|nephews|in-laws|mother-in-law|father-in-law|sister-in-law|brother-in-law|stepdad"
        "|stepmum|stepmom|stepson|stepdaughter|stepkids|family|fam|little one|little ones"
        "|eldest|youngest|firstborn|godson|goddaughter)(?: (?-i:[A-Z][a-z]{1,15}))?",
    ),
    "self": (
        "school run", "the little ones", "the in-laws", "family drama", "nappy change",
        "bedtime routine", "sleep regression",
        "potty training", "custody battle", "custody weekend", "shared custody", "mum guilt",
        "dad duty", "daddy day care",
    ),
    "term": (
        "the kids", "parents' evening", "kids", "kiddos", "son", "sons", "daughters?",
        "children", "baby", "toddlers?",
        "newborn", "mum", "mom", "mam", "mummy", "mommy", "dad", "daddy", "mother", "father",
        "parents", "sister", "brother", "sis", "nan", "nana", "nanna", "gran", "granny",
        "grandma", "grandmother", "grandad", "granddad", "grandpa", "grandfather",
        "grandparents", "grandkids", "grandchildren", "grandson", "granddaughter",
        "aunt(?:ie|y)?", "uncle", "cousins?", "nieces?", "nephews?", "in-laws",
        "(?:mother|father|sister|brother)-in-law",
        "step(?:dad|mum|mom|son|daughter|kids|children|brother|sister)", "twins", "siblings?",
        "custody", "nursery", "bedtime", "nappy", "nappies", "diapers?", "breastfeeding",
        "family", "half term", "christening", "baby shower", "maternity leave",
        "paternity leave", "childcare", "homeschool(?:ing)?", "playdate", "sleepover",
        "teething", "grandbab(?:y|ies)", "tooth fairy", "babysitter", "school fees",
        "first day of school", "parent volunteer",
    ),
}

_SUBSTANCES: dict[str, tuple[str, ...]] = {
    "drink_count": (
        "<NUM> (?:pints|gins|beers|wines|glasses of wine|glasses|bottles of wine|bottles|drinks"
        "|shots|tequilas|proseccos|ciders|cocktails|bevvies|jaegers|jagers|vodkas|margaritas"
        "|negronis|espresso martinis|whiskies|whiskeys|cans|tinnies|lagers|g&ts) "
        r"(?:deep|down|in(?=\s{0,3}(?:[,.!?;]|$|and\b|&)))",
    ),
    "first_person": (
        "<IAM> (?:high|drunk|stoned|wasted|tipsy|hammered|smashed|pissed|sober|hungover"
        "|hung over|trollied|plastered|legless|steaming|baked|buzzed|off my face|off my head"
        "|twatted|sozzled|blotto|on a bender|an alcoholic|an addict|in recovery|off the drink"
        "|off the booze|on the wagon|off the wagon|addicted to <SUBST>)",
        "<MY> (?:hangover|dealer|drinking|vape|vapes|last drink|sobriety|sponsor|drug test"
        "|relapse|addiction|bender|sobriety date)",
        "(?:i|we) (?:smoke|smoked|vape|vaped|drink|drank|got drunk|got high|got stoned"
        "|got wasted|relapsed|did (?:coke|a line|lines|mdma|pills|ket|shrooms|acid|drugs)"
        "|took (?:mdma|pills|ket|shrooms|acid|drugs|an edible)|rolled a joint|smoked a joint"
        "|popped (?:a pill|pills)|necked)",
    ),
    "self": (
        "hungover", "hung over", "hangxiety", "beer fear", "day drinking",
        "drunk text(?:ed|ing|s)?", "drunk dial(?:led|ed|ing)?", "still drunk", "blackout drunk",
        "blacked out",
        "(?:got|get|getting|gets) (?:so |absolutely |properly |completely |really |well )?"
        "(?:drunk|high|wasted|smashed|stoned|hammered|trollied|pissed|plastered|legless"
        "|twatted|steaming|off my face|off my head|baked)",
        "high as a kite", "(?:high|drunk|stoned|wasted|pissed) af",
        r"\d{1,4} (?:days|weeks|months|years) sober",
        "(?:one|two|three|four|five|six|seven|eight|nine|ten|a) (?:day|days|week|weeks|month"
        "|months|year|years) sober",
        r"sober for (?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
        " (?:days?|weeks?|months?|years?)",
        "need a (?:drink|pint|cig|smoke|fag|spliff|joint|bevvy|glass of wine"
        "|large glass of wine|gin|stiff drink)",
        "wine o'clock", "beer o'clock", "gin o'clock", "on the lash", "on the piss",
        "on a bender", "drank too much", "too much to drink",
        "(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?"
        "|years?) (?:clean|off the drink|off the booze|without a drink)", "off the drink",
        "off the booze",
    ),
    "term": (
        "drunk", "drinking", "drinks", "booze", "boozy", "boozing", "tipsy", "wasted", "pissed",
        "smashed", "hammered", "legless", "trollied", "plastered", "hangovers?", "wine",
        "beers?", "pints?", "gins?", "vodka", "tequila", "whiske?y", "rum", "prosecco",
        "champagne", "cocktails?", "cider", "lager", "shots",
        "shot of (?:tequila|vodka|sambuca|jager|jäger|whisky|whiskey|rum|gin|baileys)",
        "tequila shots", "jager ?bombs?", "sambuca", "weed", "cannabis", "marijuana",
        "spliffs?", "stoned", "edibles", "vap(?:e|es|ing|ed)", "cig(?:s|arettes?|gies?)?",
        "fags", "smok(?:e|ed|es|ing)", "smokers?", "nicotine", "pills", "coke", "cocaine",
        "mdma", "ecstasy", "ket(?:amine)?", "shrooms", "magic mushrooms", "lsd", "acid trip",
        "sober", "sobriety", "relaps(?:e|ed|ing)", "rehab", "(?-i:AA) meetings?",
        "addict(?:ion|s)?", "addicted to <SUBST>", "alcohol(?:ic|ism)?",
        "overdos(?:e|ed|ing)", "bender", "sesh", "pre-?drinks", "bottomless brunch",
        "drinking games?", "pub crawl", "bar crawl", "margaritas?", "mimosas?",
        "espresso martinis?", "negronis?", "schooners?", "proseccos?", "hair of the dog",
        "glass(?:es)? of (?:red|white|rosé|rose|fizz|bubbly|vino)",
        "cans? of (?:strongbow|stella|cider|lager|beer|guinness|carling|tennents|bud)",
        "sore head", "head(?:<APOS>s| is) (?:banging|pounding|not right)",
    ),
}

_EMOTIONAL_DISTRESS: dict[str, tuple[str, ...]] = {
    "first_person": (
        "<IAM> (?:not okay|not ok|not coping|struggling|depressed|suicidal|lonely|alone|broken"
        "|numb|empty|hopeless|worthless|a mess|a wreck|falling apart|in a dark place"
        "|in a bad place|in a really bad place|heartbroken|devastated|miserable|overwhelmed"
        "|burnt out|burned out|crying|sobbing|in tears|losing it|losing my mind|spiralling"
        "|spiraling|anxious|panicking|having a breakdown|having a meltdown|having a panic attack"
        "|having a bad day|having a hard time|on the edge|at breaking point|at rock bottom"
        "|at my lowest|tired of everything|tired of living)",
        "(?:i|i've|i have|we) (?:cried myself to sleep|cried|sobbed|been crying"
        "|can't stop crying|can't cope"
        "|cannot cope|can't go on|can't do this anymore|can't take (?:it|this) anymore"
        "|hate myself|want to disappear|want to die|wanna die|want to give up"
        "|feel like giving up|self harmed|relapsed|had a breakdown|had a meltdown"
        "|had a panic attack|broke down|feel (?:so |really |completely |very |utterly )?"
        "(?:alone|lonely|empty|numb|hopeless|worthless|lost|broken|low|useless|anxious"
        "|overwhelmed|sad|down|miserable|invisible|trapped|awful|like a failure|like a burden"
        "|like giving up))",
        "<MY> (?:depression|anxiety|mental health|therapist|breakdown|panic attacks|meltdown"
        "|grief|trauma|self harm|suicidal thoughts|intrusive thoughts|dark thoughts|low mood"
        "|loneliness)",
    ),
    "self": (
        "can't cope", "cannot cope", "not coping", "hate myself", "want to disappear",
        "want to die", "wanna die", "kill myself", "end it all", "can't stop crying",
        "cried myself to sleep", "crying myself to sleep", "empty inside", "can't go on",
        "can't do this anymore", "can't take it anymore", "falling apart", "no reason to live",
        "no point (?:in )?(?:living|anything|going on|trying)",
        "don't (?:want to|wanna) be here (?:anymore|any more)", "at my lowest",
        "at breaking point", "in a dark place", "not in a good place", "in a bad way",
        "hit a wall", "knot in my stomach", "couldn't stop shaking", "can't stop shaking",
        "worried sick", "nightmares",
    ),
    "term": (
        "cry", "crying", "cried", "tears", "in tears", "sobbing", "sobbed", "panic",
        "panicking", "panicked", "panic attacks?", "anxious", "anxiety", "lonely", "loneliness",
        "isolated", "depressed", "depression", "hopeless", "hopelessness", "breakdown",
        "breaking down", "broke down", "nervous breakdown", "mental breakdown", "meltdown",
        "numb", "self harm(?:ing|ed)?", "suicid(?:e|al)", "suicidal thoughts",
        "overwhelmed", "heartbroken", "devastated", "miserable", "worthless", "grief",
        "grieving", "trauma", "traumati[sz]ed", "low mood", "dark thoughts",
        "intrusive thoughts", "burn(?:ed|t)? out", "burnout", "struggling", "stressed",
        "stressed out", "spiral(?:l)?ing", "heartbreak", "despair", "mental health",
        "rock bottom",
        "feel(?:ing)? (?:so |really |completely |very |utterly )?(?:alone|lonely|empty|numb"
        "|hopeless|worthless|lost|broken|low|useless|overwhelmed|sad|down|miserable|invisible"
        "|trapped|like a failure|like a burden|like giving up)",
    ),
}

_WHEREABOUTS: dict[str, tuple[str, ...]] = {
    "away_dates": (
        "(?:(?:away(?: from (?:my desk|the office|work|home|my laptop|socials|twitter|here))?"
        "|abroad|gone|out of (?:the )?(?:country|town)|on (?:holiday|vacation|hols|leave)"
        "|travelling|traveling)(?: in (?-i:[A-Z])\\w{1,20})?|in (?-i:[A-Z])\\w{1,20})"
        " (?:(?:from <DATE> )?(?:till|until|til|'til|through|thru|to) <DATE>|for <DURATION>)",
        "not back (?:till|until|til) <DATE>",
        "(?:off|out of (?:the )?office|ooo)"
        " (?:till|until|til|from <DATE> (?:to|till|until)) <DATE>",
    ),
    "routine": (
        "every <WEEKDAY>(?: (?:morning|evening|night|afternoon|lunchtime))?"
        "(?: (?:at|from|around|before|after) <TIME>)?",
        "every (?:morning|evening|night|day|weekday|weekend) (?:at|from|around|before|after)"
        " <TIME>",
        "<WEEKDAY>s (?:at|from|around) <TIME>",
    ),
    "first_person": (
        "(?:i|we) live (?:in|on|near|at|off|by|round|around|opposite|next to|just off)",
        "(?:i|we) (?:just )?moved to",
        "<MY> (?:street|road|address|postcode|post code|zip code|zipcode|front door|doorstep"
        "|building|estate|block|neighbourhood|neighborhood|local|village|hotel room|hotel"
        "|flight|gate|commute|usual spot|regular spot|running route|route home|walk home)",
        "<IAM> (?:at|in) (?-i:[A-Z])[\\w&-]{1,30}",
        "on my way (?:home|to|back|out|over)",
        "(?:i<APOS>ll|i will|we<APOS>ll|we will) be (?:at|in)",
        "(?:i|we) (?:just )?(?:landed|arrived) in",
    ),
    "self": (
        "gate [a-z]?\\d{1,3}[a-z]?", "boarding (?:in \\d{1,3}|now|soon)", "about to board",
        "section \\d{1,3} row [a-z0-9]{1,3}",
        "(?:house|flat|home|apartment|gaff)(?: is| will be| stays|<APOS>s|<APOS>ll be)? empty",
        "empty (?:house|flat|home)", "(?:house|flat|place) to myself", "home alone",
        "(?:nobody|no one|noone) (?:at )?home", "(?:nobody|no one) in the house",
        "on my own (?:tonight|this week|all week|for the weekend|this weekend)",
        "alone in the house", "keys? under the (?:mat|plant|pot|doormat)",
        "left the door unlocked", "platform \\d{1,2}[a-z]?",
        "on the \\d{1,2}[:.]\\d{2} (?:to|from)",
        "my (?:apartment|house|flat|place)(?: in (?:\\w{1,20} ){0,3}\\w{1,20})? is empty",
    ),
    "term": (
        "on (?:holiday|vacation|hols|my holidays|holidays|annual leave)", "holidaying",
        "vacationing", "abroad", "airport", "at the airport", "departure lounge",
        "passport control", "baggage reclaim", "duty free", "boarding", "boarding pass",
        "landed in", "just landed", "touched down",
        "leaving (?:at|in|by) <TIME>", "leaving (?:tonight|tomorrow|now|soon|first thing)",
        "heading (?:home|out)", "hotel room", "walking home(?: alone)?", "live location",
        "(?:checked|checking) (?:in )?(?:at|to|into)",
        "staying (?:at|in) (?-i:[A-Z])[\\w&-]{1,30}",
        "(?:sat|sitting|stuck|waiting|standing|queuing|queueing) (?:in|at|outside) (?:the )?"
        "(?:a&e|airport|station|hospital|departure lounge|gate|(?-i:[A-Z])[\\w&-]{1,30})",
        "(?:heading|driving|flying|off|going) (?:down |up |over |back )?to (?-i:[A-Z])\\w{1,20}",
        "at the gate", "back (?:on|next) <WEEKDAY>",
        "(?:in|at) (?:the )?(?:a&e|(?-i:ER)|waiting room)",
        "(?:at|in) the (?:mall|gym|pub|airport|station|beach|park|hospital|office|library|stadium"
        "|match|game|queue|cinema|pool|bar|club|market|cafe|café) (?:rn|right now|now|tonight)",
        "(?:flying|fly|landing|land) (?:to|out|home|back|from|in|at|into) (?-i:[A-Z])\\w{1,20}",
        "(?:travelling|traveling|going home|going back|heading back|moved|moving) to"
        " (?-i:[A-Z])\\w{1,20}",
        "out of (?:the )?office",
    ),
}

_FINANCES: dict[str, tuple[str, ...]] = {
    "account_details": (
        r"sort code:? ?\d\d(?:-| )?\d\d(?:-| )?\d\d",
        r"(?:account|acct|a/c)(?: no\.?| number| num| #)?:? ?\d{8}",
        r"pin (?:is|number is|no is|=|:) ?\d{4,6}",
        r"card (?:number|no\.?|num):? ?\d{4}(?:-| )?\d{4}(?:-| )?\d{4}(?:-| )?\d{4}",
        r"cvv:? ?\d{3}", r"iban:? ?[a-z]{2}\d{2}[a-z0-9]{10,30}",
    ),
    "first_person": (
        "<OUR> (?:salary|wages|wage|payslip|pay slip|paycheck|paycheque|pay cheque|overdraft"
        "|debts?|loans?|student loan|mortgage|rent|bills|savings|pension|bank account"
        "|bank balance|account balance|credit score|credit rating|credit cards?|debit card"
        "|pin number|pin|sort code|account number|account details|bank details|landlord|tax return"
        "|tax bill|benefits|universal credit|finances|budget|inheritance|bonus|pay rise|raise"
        "|payday|bank|net worth|income|arrears|energy bill|council tax|pay)",
        "<IAM> (?:broke(?! (?:the|a|an|my|our|his|her|their|up|down|out|into|even|ground"
        "|through|free|off|in|records?|news|it|its|every|new|character|cover|camp|bread|ranks"
        "|away|loose)\\b)|skint|brassic|in debt|bankrupt|in the red|overdrawn|in arrears"
        "|behind on (?:rent|bills|payments|my rent|the rent)|on benefits|on universal credit"
        "|on minimum wage|unemployed|poor|struggling financially|living paycheck to paycheck"
        "|living payday to payday)",
        "(?:i|we) (?:can't|cannot|couldn't|can not) afford", "(?:i|we) owe",
        "(?:i|we) (?:got|were|was|have been|<APOS>ve been) (?:evicted|repossessed)",
    ),
    "self": (
        "card(?: got| was| keeps getting| keeps being| just got)? declined", "declined card",
        "(?:so|flat|stony|dead|completely|totally|absolutely|proper|literally|properly|too)"
        " broke(?! (?:the|a|an|my|our|his|her|their|up|down|out|into|even|ground|through|free"
        "|off|in|records?|news|it|its|every|new|away|loose)\\b)",
        "broke (?:af|till payday|until payday|til payday|again|as hell|as fuck)", "skint",
        "brassic", "can't afford", "cannot afford",
        "behind on (?:rent|bills|payments|the rent|council tax)",
        "living (?:paycheck to paycheck|pay cheque to pay cheque|payday to payday)",
        "maxed out (?:my |the |both |all my )?(?:cards?|credit cards?|overdraft)",
        r"(?:£|\$|€) ?\d[\d,.]{0,9} (?:left|to last) (?:till|until|til|for)",
        "(?:till|until|til) payday",
    ),
    "term": (
        "overdra(?:ft|wn)", "debts?", "in debt", "bankrupt(?:cy)?", "rent arrears", "arrears",
        "payday loans?", "payday", "salar(?:y|ies)", "wages?", "paycheck", "pay ?cheque",
        "payslip", "pay rise", "pay cut", "card declined", "(?-i:PIN)", "pin number",
        "sort code", "account number", "bank details", "credit score",
        "credit card (?:bill|debt)", "maxed out", "bailiffs", "debt collectors?",
        "loan sharks?", "universal credit", "food ?banks?", "rent", "landlord", "eviction",
        "evicted", "repossess(?:ed|ion)", "mortgage", "remortgage", "savings", "pension",
        "inheritance", "klarna", "buy now,? pay later", "minimum payments?", "loans?",
        "council tax", "energy bills?", "gas bill", "tax return", "emergency credit",
        "in the red", "school fees", "cash flow", "unpaid invoices?", "owed",
        "(?:bank account|account|card|credit card|wallet|bank balance|overdraft) is crying",
        "money(?:<APOS>s| is| has been| been)? tight", "tight on money", "stipend",
        "allowance", "back pay", "(?:got|get|getting) (?:a |the |my )?(?:raise|pay rise|bonus)",
        "gambling", "betting",
        "lost (?:£|\\$|€|₹)?\\d[\\d,]{0,9} on (?:a|the) (?:bet|toss|game|horses"
        "|match|slots)",
    ),
}

_WORK_GRIEVANCE: dict[str, tuple[str, ...]] = {
    "first_person": (
        "<MY> (?:boss|manager|line manager|district manager|managing partner|supervisor|ceo"
        "|vp|pi|editor|head of department|hod|foreman|gaffer|employer|team lead|team leader"
        "|lead|skip level|skip-level|managing editor"
        "|director|workplace|job|colleagues?|coworkers?|co-workers?|shift|shifts|contract"
        "|notice|resignation|probation|appraisal|performance review|pip|hr department|hr"
        "|company|office|day job|rota|hours)",
        "(?:hate|hating|hated|loathe|can't stand|sick of|fed up with|tired of|done with|quit"
        "|quitting|leaving|left|resigned from|escape|escaping) (?:my|this) (?:job|boss|manager"
        "|workplace|company|work|team|office|career|role|shift|shifts)",
        "handed in my notice",
        "(?:i|i've|i have|i was|i got|i've been|been|got|getting|just got) (?:fired|sacked"
        "|laid off|made redundant|let go|a written warning|a disciplinary|put on a pip"
        "|passed over)",
        "(?:fired|sacked) me", "(?:i|we) (?:quit|resigned)",
        "<IAM> (?:job hunting|interviewing elsewhere|looking for a new job|quitting|leaving"
        "|resigning|handing in my notice|updating my cv|overworked|underpaid|on a pip"
        "|being micromanaged|on a zero hours contract)",
        "(?:updating|update|updated) my (?:cv|resume|linkedin)",
        "(?:don't|do not|dont) tell my (?:boss|manager|lot|work|team|employer|gaffer|colleagues"
        "|line manager|district manager|supervisor|lead)",
        "(?:wrote|writes|write) me up", "(?:got|been|was) written up",
        "(?:i|i've) (?:got |have |had )?(?:a |an )?job interview",
    ),
    "self": (
        "(?:called|rang|phoned|call|ring|phone|calling|ringing|phoning) in sick",
        "pull(?:ing|ed)? a sickie",
        "thr(?:ow|ew|owing) a sickie", "sickie", "working late again",
        "stay(?:ing)? late again", "stuck at work again", "another double shift",
    ),
    "term": (
        "boss", "micromanag(?:e|ed|es|ing|er|ers|ement)",
        "toxic (?:workplace|boss|manager|culture|work culture|team|office|job"
        "|work environment|employer|management|colleagues?|coworkers?)",
        "(?-i:HR)", "quit(?:ting)?", "resign(?:ed|ing|ation)?", "job interviews?",
        "(?:second|final|first|phone|panel|video)(?: round| stage)? interview",
        "interview(?:ing)? elsewhere", "job hunt(?:ing)?", "job search(?:ing)?",
        "applying for jobs", "redundan(?:cy|t|cies)", "laid off", "sacked",
        "(?:got|been|getting|get|was) fired", "disciplinary", "grievance", "tribunal",
        "overworked", "underpaid", "unpaid overtime", "zero hours contract",
        "workplace bullying", "office politics", "sunday scaries", "monday dread",
        "performance improvement plan", "notice period", "two weeks' notice", "exit interview",
        "whistleblow(?:er|ing)", "on strike", "burn(?:ed|t)? out", "burnout", "supervisor",
        "line manager", "gaffer", "interview for (?:a|an|the) (?:\\w{1,20} ){0,3}(?:job|role"
        "|position|post)", "applied for (?:a|an|the) (?:\\w{1,20} ){0,3}(?:job|role|position|post)",
        "unpaid (?:miles|overtime|hours|work|shifts?)",
        "mandatory (?:saturdays|sundays|overtime|weekends|weekend work)",
    ),
}

_BELIEFS: dict[str, tuple[str, ...]] = {
    "vote": (
        "vot(?:e|ed|ing|es)(?: for)? (?:labour|the tories|tory|tories|conservatives?"
        "|the conservatives|lib dems?|libdems?|liberal democrats?|reform(?: uk)?|green"
        "|the greens|greens|snp|plaid|democrats?|the democrats|republicans?|the republicans"
        "|trump|biden|harris|obama|starmer|sunak|farage|corbyn|brexit|leave|remain|ukip"
        "|independence|gop|maga)",
        "(?:labour|tory|conservative|lib dem|green|snp|reform|democrat|republican|trump|maga)"
        " (?:voters?|supporters?|members?|councillors?|activists?)",
        "vot(?:e|ed|ing) (?:for|against) (?-i:[A-Z])\\w{1,20}",
        "vot(?:e|ed|ing) (?:opposition|straight ticket|tactically)",
    ),
    "first_person": (
        "<MY> (?:faith|religion|church|mosque|temple|synagogue|gurdwara|parish|priest|imam"
        "|rabbi|pastor|vicar|prayers|prayer|lord and saviour|saviour|bible|quran|koran|beliefs"
        "|religious beliefs|politics|political views|vote|ballot|postal vote|congregation)",
        "(?:i'm|i am|as) (?:a |an )?(?:devout |practising |practicing |proud |lifelong "
        "|born again |committed |former |lapsed )?(?:labour voter|tory voter|trump supporter"
        "|christian|catholic|muslim|jew|jewish|hindu|sikh|buddhist|atheist|agnostic|mormon"
        "|quaker|pagan|protestant|evangelical|methodist|baptist|anglican|socialist|communist"
        "|libertarian|conservative|tory|democrat|republican|feminist|remainer|leaver"
        "|brexiteer)",
        "(?:i|we) (?:went to|go to|attend|attended|attending|going to|off to|back from|back at)"
        " (?:church|mosque|temple|synagogue|gurdwara|mandir|mass|chapel|the mosque|the temple"
        "|the synagogue|sunday school|bible study|prayers|friday prayers|midnight mass|evensong"
        "|confession)",
        "(?:i|we) (?:pray|prayed)",
        "<IAM> (?:praying|fasting|observing ramadan|celebrating eid|celebrating diwali"
        "|celebrating passover|celebrating hanukkah|giving up \\w{1,20} for lent)",
    ),
    "self": (
        "eid mubarak", "ramadan mubarak", "ramadan kareem", "shabbat shalom",
        "in ?sh(?:a'?)?allah", "in sha allah", "alhamdulillah", "mashallah", "god willing",
        "praise the lord", "praise god",
    ),
    "term": (
        "pray(?:s|ed|ing|er|ers)?", "church(?:es)?", "mosques?", "temples?", "synagogues?",
        "gurdwaras?", "mandir", "chapel", "fasting", "ramadan", "eid", "iftar", "suhoor",
        "sehri", "diwali", "hanukkah", "chanukah", "passover", "yom kippur", "rosh hashanah",
        "shabbat", "sabbath", "(?:for|during|in|since|through|of) lent", "ash wednesday",
        "mass(?:es)?", "midnight mass", "bible", "bible study", "quran", "koran", "torah",
        "scripture", "god", "jesus", "allah", "amen", "atheis(?:t|m)", "agnostic", "hajj",
        "umrah", "pilgrimage", "baptis(?:m|ed)", "christening", "confession", "rosary",
        "hymns?", "sermon", "vicar", "priest", "imam", "rabbi", "pastor", "congregation",
        "sunday school", "evensong", "(?-i:Labour)", "tory", "tories", "(?-i:Conservatives?)",
        "lib ?dems?", "(?-i:SNP)", "(?-i:Reform UK)", "green party", "democrats?",
        "republicans?", "maga", "trump", "biden", "brexit(?:eers?)?", "remainers?",
        "leavers?", "socialis(?:t|m)", "communis(?:t|m)", "libertarian", "pro-?life",
        "pro-?choice", "feminis(?:t|m)", "zionis(?:t|m)", "polling station", "ballot",
        "postal vote", "duas?", "jummah", "puja", "pooja", "aarti", "worship", "carol service",
        "hail mary", "navratri", "ganpati", "ganesh chaturthi", "vaisakhi", "advent",
        "(?:ekadashi|karva chauth|navratri|lent|ramadan|yom kippur) fast", "mass-goer",
        "lit a candle",
    ),
}

_LEXICONS: dict[str, dict[str, tuple[str, ...]]] = {
    "health": _HEALTH, "sexuality": _SEXUALITY, "relationships": _RELATIONSHIPS,
    "family": _FAMILY, "substances": _SUBSTANCES, "emotional_distress": _EMOTIONAL_DISTRESS,
    "whereabouts": _WHEREABOUTS, "finances": _FINANCES, "work_grievance": _WORK_GRIEVANCE,
    "beliefs": _BELIEFS,
}

#: Rule kinds that are framed by themselves (the phrase is the disclosure).
_INHERENT = frozenset({"first_person", "self", "away_dates", "account_details", "drink_count"})
#: Order in which a category's kinds are tried at the same position: specific before generic.
_KIND_ORDER = ("account_details", "away_dates", "drink_count", "vote", "routine",
               "first_person", "self", "term")

# --------------------------------------------------------------------------------------------
# Vetoes: (category, cue word(s), where, context). A cue containing the word is dropped when
# the context regex matches just before it ("before"), just after it ("after"), or any word in
# its window ("near"). They remove near-misses such as "sick goal" or "drunk on power".
# --------------------------------------------------------------------------------------------

_THIRD_PARTY = (r"(?:families|people|many|most|they|they're|they are|he|he's|she|she's|millions"
                r"|pensioners|households|renters|tenants|students|nurses|workers|businesses"
                r"|councils?|government|nhs|you|you're|you are|u|who|hospitals|schools|the country"
                r"|patients|parents|retailers|firms|companies|customers|consumers|staff|services"
                r"|system|doctors|teachers|young people|everyone|users|fans|nobody|no one"
                r"|employees|the team|colleagues|residents|trusts?|ministers|councils|networks?"
                r"|hospital|the service)"
                r"(?: (?:are|were|is|was|just|still|simply|now|often|really|literally|all"
                r"|who|that|clearly|already|increasingly|get|got|gets|getting|feel|feels|felt"
                r"|go|goes|went|become|becomes|became|seem|seems|look|looks|ended up|end up|can"
                r"|can't|could|couldn't|will|would|may|might|must|should|do|did|don't|didn't"
                r"|never|always|sometimes|usually))*")

_VETOES: tuple[tuple[str, str, str, str], ...] = (
    # health
    ("health", "sick", "after", r"(?:goal|beat|tune|track|trick|save|shot|skills?|moves?|pass"
     r"|finish|set|mix|drop|view|kit|ride|car|bike|burn|lines?|fit|riff|solo|combo|play|dunk"
     r"|tekkers|trainers|design|photo|pic|of|and tired|to death of|to my stomach of)"),
    ("health", "sick", "before", r"(?:that's|thats|that is|how|looks|look|well|pretty|was"
     r" absolutely|absolutely|proper|bloody|dead)"),
    ("health", "ill", "after", r"(?:be|go|do|have|get|see|try|take|make|call|let|send|need"
     r"|just|never|always|probably|definitely|def|text|ring|come|bring|pick|check|tell|keep"
     r"|give|put|post|write|say|show|start|stop|wait|miss|sort|look|ask|share|pop|head|meet"
     r"|buy|dm|email|update|report|find|let you|grab|leave|drop|catch|join|watch|read|cook"
     r"|add|be there|advised|afford|fated|gotten|informed|judged|equipped|prepared)"),
    ("health", "ill", "before", r"(?:speak|think|bode|bodes|boded|augurs?|no)"),
    ("health", "dying", "after", r"(?:of laughter|of laughing|laughing|laughin|to|for|over"
     r"|of embarrassment|of cringe|inside|here|lol|lmao|😂|🤣|breed|art|days of|light"
     r"|embers|moments of the game|minutes)"),
    ("health", "dying", "before", r"(?:literally|actually|i'm|im)\s+(?:dying\s+)?"),
    ("health", "therapy", "before", r"(?:retail|gene)"),
    ("health", "my therapy", "before", r"(?:is|are|was|=|as)"),
    ("health", "my therapy", "after", r"(?:lol|lmao|😂|🤣|haha|tbh|honestly)"),
    ("health", "doctor", "after", r"who\b"),
    ("health", "fever", "before", r"(?:cabin|spring|saturday night|world cup|election|football"
     r"|transfer|gold|cup|festival|christmas|bieber|boogie)"),
    ("health", "fever", "after", r"(?:pitch|dream)"),
    ("health", "diagnosed|diagnosis", "after", r"(?:the|a|an|this) (?:problem|issue|fault|bug"
     r"|error|leak|engine|car|crash)"),
    ("health", "pregnant", "after", r"pause"),
    ("health", "stitches", "before", r"(?:in|had us in|had me in|kept us in|cross|blanket|knit)"),
    ("health", "stitches", "near", r"(?:knit|knitting|crochet|sewing|purl|yarn|cast|row|rows"
     r"|pattern|embroidery|laughing|laughter|lol|funny|hilarious)"),
    ("health", "cancer", "near", r"(?:horoscope|zodiac|sign|season|gemini|leo|virgo|libra"
     r"|scorpio|aries|taurus|sagittarius|capricorn|aquarius|pisces|tropic|rising)"),
    ("health", "surgery", "near", r"(?:software|code|codebase|spreadsheet|budget|squad|lineup"
     r"|roster)"),
    ("health", "booster", "near", r"(?:rocket|seat|signal|wifi|wi-fi|confidence|morale"
     r"|mood|energy|immune|mobile|pack|packs|cards?)"),
    ("health", "flu", "before", r"(?:man|bird)"),
    ("health", "no sleep", "after", r"(?:till|until|til) brooklyn"),
    ("health", "infection", "near", r"(?:malware|computer|laptop|server|virus scanner"
     r"|antivirus)"),
    ("health", "headache", "near", r"(?:admin|paperwork|logistics|compliance|migration|customers"
     r"|traffic|parking)"),
    # sexuality
    ("sexuality", "sex", "after", r"(?:education|ed|discrimination|offen[cs]es?|offenders?"
     r"|workers?|work|trafficking|abuse|crimes?|ratio|differences|chromosomes?|hormones?"
     r"|pistols|and the city|selection|determination|specific|characteristics|marriage"
     r"|couples?|parents|segregated|segregation|of the baby|reveal|pay gap|based)"),
    ("sexuality", "sex", "before", r"(?:biological|opposite|same|assigned|fetal|foetal|either"
     r"|the other|birth)"),
    ("sexuality", "sexual", "after", r"(?:selection|dimorphism|reproduction|health services"
     r"|orientation discrimination)"),
    ("sexuality", "virgin|virginity", "before", r"(?:extra|a|the)"),
    ("sexuality", "virgin", "after", r"(?:media|atlantic|trains?|money|islands?|olive|mobile"
     r"|active|galactic|radio|orbit|australia|river|mary|birth|forests?|territory|snow|wool"
     r"|coconut|plastics?|material|hyperloop|voyages|games|broadband)"),
    ("sexuality", "trans", "after", r"(?:fats?|atlantic|pennine|siberian|europe|alpine|canada"
     r"|pacific|fatty|am|boundary|national|am express)"),
    ("sexuality", "kink|kinks", "after", r"(?:in|out)"),
    ("sexuality", "kink|kinks", "before", r"(?:a|the|few|some|minor|iron out the|iron out"
     r"|work out the|any|remaining|last)"),
    ("sexuality", "came out|coming out|come out", "after", r"(?:to (?:play|vote|support|watch"
     r"|see|celebrate|protest|the|a|an|help|march|cheer)|as (?:the|a|an|winner|winners|top"
     r"|best|most|one|number|favourite|favorite|expected|planned))"),
    ("sexuality", "bi", "after", r"(?:annual|annually|weekly|monthly|lingual|partisan|polar"
     r"|cycle|fold|directional|coastal)"),
    ("sexuality", "porn", "before", r"(?:food|cabin|ruin|property|book|plant|gear|tech|house"
     r"|garden|travel)"),
    ("sexuality", "sleeping with", "after", r"(?:the (?:light|lights|window|tv|fan|door|radio)"
     r"|a (?:fan|nightlight|night light)|my (?:phone|mouth|eyes)|one eye|earplugs|the enemy)"),
    # relationships
    ("relationships", "ex", "after", r"(?:army|navy|raf|military|police|cop|soldier|marine"
     r"|forces|service(?:man|men)?|colleagues?|boss|employees?|employer|pupils?|students?|pro"
     r"|footballer|player|con|convicts?|president|prime|minister|mps?|ceo|chairman|directors?"
     r"|manager|teacher|smokers?|drinkers?|offenders?|prisoners?|partner (?:at|of|in)|officer"
     r"|factor|machina|libris|post|gratia|officio|works|display|demo|council|councillor|fire"
     r"|staff|member|members|chair|head|champion|champ|world|international|england|cia|fbi"
     r"|mi6|gang|catholic|muslim|mormon)"),
    ("relationships", "ex", "before", r"(?:the|an|\w+['’]s|his|her|their|your|ur)\s*(?=$)"),
    ("relationships", "dating", "after", r"(?:back|from|to)"),
    ("relationships", "dating", "before", r"(?:carbon|radiocarbon|radiometric|isotope"
     r"|isotopic|tree ring|luminescence)"),
    ("relationships", "hinge", "near", r"(?:door|doors|cabinet|cupboard|gate|screws?|squeaky"
     r"|creaky|wardrobe|lid|laptop|hinges|bracket|diy|oil|wd-40|wd40|fridge|shed)"),
    ("relationships", "hinge", "after", r"(?:on|upon|pin|pins|joint)"),
    ("relationships", "bumble", "after", r"(?:bees?|along|around|through)"),
    ("relationships", "cheat|cheated|cheating|cheater|cheats", "after", r"(?:sheets?|codes?"
     r"|days?|meals?|mode|engine|on (?:the |an |my |a |his |her |their )?(?:exam|test|diet|quiz"
     r"|homework|tax(?:es)?|crossword|game|wordle|sats)|death|at (?:cards|poker|golf|chess))"),
    ("relationships", "cheat|cheated|cheating|cheater|cheats", "before", r"(?:tax|exam|test"
     r"|game|video game|chess|poker|doping|code)"),
    ("relationships", "dumped", "after", r"(?:the|on|waste|rubbish|shares|stock|stocks|bonds"
     r"|oil|sewage|chemicals|litter|it|them|in|into|out|overboard|by (?:the|a) (?:market"
     r"|investors))"),
    ("relationships", "relationship", "before", r"(?:customer|client|business|working|special"
     r"|trade|diplomatic|investor|supplier|donor|brand|public|causal|linear|professional"
     r"|strategic|bilateral|media|love-hate|love hate|a love hate|a love-hate)"),
    ("relationships", "relationship", "after", r"(?:between|manager|managers|management"
     r"|with (?:food|money|alcohol|the|our|its|exercise|work|social media|customers|clients)"
     r"|status)"),
    ("relationships", "engaged", "after", r"(?:with|audience|audiences|users|customers|in"
     r"|employees|workforce|readers|community|communities|followers|by|to (?:help|deliver"
     r"|support|work|provide)|on|parents|staff|learners|students)"),
    ("relationships", "engaged", "before", r"(?:highly|deeply|more|keep|keeps|stay|stays"
     r"|fully|actively|most|less|very|line|lines|phone|fully)"),
    ("relationships", "married", "after", r"(?:to (?:the|my) (?:job|work|sofa|couch|phone|desk)"
     r"|couples?|man's|woman's|name)"),
    ("relationships", "in love", "after", r"with (?:this|that|these|those|it|your|the new"
     r"|the way|how|the design|the colour|the color|the view|the food|the weather|the menu"
     r"|our)"),
    ("relationships", "crush", "after", r"(?:it|them|the (?:competition|opposition|garlic"
     r"|ice|cans?)|hour|(?:the|your) goals?|on (?:this|that|the) (?:song|album|font))"),
    ("relationships", "crush", "before", r"(?:to|will|can|gonna|going to|would|wanna|could|and"
     r"|orange|lemon|candy|gently|then)"),
    ("relationships", "separated", "after", r"(?:by|from (?:the|its|their|each)|into|with"
     r"|out|at birth|waste|recycling)"),
    ("relationships", "wedding", "after", r"(?:packages?|venues?|fairs?|brochures?|menus?"
     r"|suites?|season|collection|planners?|show|open day|barn|specialists?|photography"
     r"|photographer|services?|coordinator|films?|industry|dresses)"),
    ("relationships", "affair", "before", r"(?:family|grand|formal|casual|black tie|messy"
     r"|sorry|glittering|lavish|star-studded|relaxed|quiet|low-key|low key|simple"
     r"|weekend|day|all-day|royal|tasting|foreign|current|public|internal|state|legal)"),
    ("relationships", "ghosted|ghosting", "near", r"(?:recruiter|recruiters|candidates?"
     r"|applicants?|employers?|hiring|interviewers?|clients?|customers?)"),
    # family
    ("family", "custody", "before", r"(?:police|in|into|remanded|held|taken|died|back|release"
     r"from|chain of|under|protective|safe|the custody of the)"),
    ("family", "custody", "after", r"(?:suite|sergeant|officer|cells?|of (?:the )?(?:police"
     r"|state|crown|court)|services|record|death|deaths)"),
    ("family", "nursery", "after", r"(?:rhymes?|plants?|stock|garden|trees?)"),
    ("family", "nursery", "before", r"(?:plant|garden|tree)"),
    ("family", "brother|sister", "after", r"(?:company|companies|cities|city|brand|site"
     r"|publication|ship|ships|act|paper|journal|title|station|restaurant|venue|bar|hotel"
     r"|school|in christ|from another mother|sledge|printer|printers)"),
    ("family", "brother|sister", "before", r"(?:big|blood|soul|band of|holy|oh|sledge)"),
    ("family", "family", "after", r"(?:business|businesses|run|friendly|owned|law|doctor"
     r"|planning|guy|size|sized|pack|tree|history|day out|fun|ticket|tickets|room|meal deal"
     r"|name|names|of (?:brands|companies|products|fonts|models|proteins|genes|curves)"
     r"|tickets?|pass|passes|meal|meals|bundle|offers?|discount|events?|activities"
     r"|entertainment|members? of staff|portraits?|photos?)"),
    ("family", "family", "before", r"(?:crime|royal|a|every|any|each|per|the royal|our work"
     r"|typical|average|for a|feel like|one big|one big happy|the|this|whole|ur|your)"),
    ("family", "mum|mom|dad|mother|father|daddy|mummy", "after", r"(?:jokes?|bod|rock|bands?"
     r"|shorts|jeans|energy|vibes?|tax|of (?:all|the|modern|invention|dragons|pearl)"
     r"|nature|earth|russia|superior|teresa|ship|hen|board|boards|figure|complex|issues"
     r"|issue|ted|christmas|time|and (?:baby|toddler) groups?|mafia|influencers?|bloggers?"
     r"|blog|trends?|friendly|hacks?|hack|fits?|fashion|style|cars?|trucks?)"),
    ("family", "mum|mom|dad|mother|father|daddy|mummy", "before", r"(?:founding|god|holy"
     r"|sugar|baby|mother|mama|the|a|every|new|working|single|stay-at-home|stay at home"
     r"|tired|first-time|first time|young|expectant|many|all|your|his|her|their|its|ur"
     r"|any|some|this|that|other|another|soccer|football|tiger|boy|girl|dance|cool|hot"
     r"|lucky|proud)"),
    ("family", "baby", "after", r"(?:steps|spinach|carrots|potatoes|back ribs|shark|yoda"
     r"|boomers?|blue|pink|grand|gap|bel|bottle|oil|monitor|brother|sister|photos? of"
     r"|formula|products?|brand)"),
    ("family", "baby", "before", r"(?:hey|oh|ok|okay|come on|yes|yeah|bye|love you|my baby"
     r"|a|the|your|his|her|their|any|new|ice ice|cry|crying|sugar|tech|billion-dollar)"),
    ("family", "son|sons|daughter|daughters|children|kids|kid|toddler|toddlers|twins", "before",
     r"(?:your|his|her|their|a|an|the|every|any|some|many|most|all|no|whose|which|what"
     r"|for|with|young|other|people's|parents'|parents|families'|poor|school|hungry|local"
     r"|vulnerable|gifted|disadvantaged|working|kids'|year \d+|key stage|primary|secondary"
     r"|favourite|prodigal|nhs|bbc|children's|little|tech|our (?:young|local|school))"),
    ("family", "twins", "near", r"(?:digital|study|studies|researchers|research|minnesota|city"
     r"|cities|peaks|towers|engines?)"),
    ("family", "children|kids", "after", r"(?:menu|club|camp|zone|meal|meals|eat free|section"
     r"|range|collection|corner|area|party|parties|activities|workshop|workshops|books?"
     r"|tv|television|charity|hospital|services|'s (?:hospital|services|menu|books?|tv)"
     r"|under \d+|aged|ages|of all ages|go free|welcome)"),
    ("family", "mother|father|sister|brother", "near", r"(?:superior|mary|brown|christmas|god"
     r"|nature|earth|ship|board|planet|russia|church|monastery|nun|priest|abbey|convent"
     r"|in christ|father's day|mother's day|fathers day|mothers day)"),
    ("family", "family", "near", r"(?:mafia|crime|royal|font|fonts|taxonomy|species|genus"
     r"|proteins?|genes?|model|models|products?|brands?|restaurant|hotel|resort|venue"
     r"|tickets?|sale|deals?|promo|ultras|offer)"),
    # substances
    ("substances", "shots", "near", r"(?:goal|goals|target|keeper|goalkeeper|striker|match"
     r"|game|camera|photos?|photography|lens|portrait|shoot|photographer|basketball|hoop"
     r"|penalty|pitch|net|league|season|football|soccer|hockey|golf|tennis|netball|rugby"
     r"|flu|covid|booster|vaccine|jabs?|nba|nfl|screenshots?|drone|close-up|headshots?"
     r"|scenery|sunset|film|filmed|rebounds|fired|gun|guns|police|cannon|free|putts?"
     r"|brand|product|campaign)"),
    ("substances", "shots", "after", r"(?:on|at|from|of (?:the|a|him|her|it|our|my|this|that"
     r"|these|those|your)|fired|were fired|rang out)"),
    ("substances", "high", "after", r"(?:scores?|marks|grades|praise|ratings?|reviews|hopes"
     r"|expectations|levels?|returns|numbers|standards|fives?|quality|speed|street|school"
     r"|res|ground|prices|bills|demand|blood pressure|temperature|on (?:life|adrenaline"
     r"|caffeine|sugar|success|love|the news|hope|excitement|endorphins|victory|a win)"
     r"|enough|up|marks)"),
    ("substances", "drunk", "after", r"(?:on (?:power|success|love|victory|happiness|joy|fame"
     r"|ambition|it|glory|excitement|life|hope|attention|money|the atmosphere|the vibe)"
     r"|driving|driver|drivers|tank)"),
    ("substances", "drunk", "before", r"(?:have|has|had|i've|we've|you've|ve)\s+(?:\w+\s+){0,2}"),
    ("substances", "drinking", "after", r"(?:water|fountains?|straws?|tea|coffee|milk|juice"
     r"|chocolate|smoothies?|from a fire ?hose|in the (?:view|atmosphere|scenery|sun)"
     r"|glass|glasses|vessel|supply|age)"),
    ("substances", "drinks", "after", r"(?:reception|receptions|menu|list|sponsor|packages?"
     r"|trolley|company|industry|brand|brands|sector|giant|maker|makers|firm|machines?"
     r"|fridge|on (?:us|the house))"),
    ("substances", "drinks", "before", r"(?:soft|fizzy|energy|hot|cold|sports|protein|free"
     r"|complimentary|sugary|non-alcoholic|low-alcohol|alcohol-free|welcome|festive"
     r"|seasonal|our)"),
    ("substances", "wasted", "after", r"(?:time|money|effort|food|opportunit(?:y|ies)|chances?"
     r"|potential|energy|votes?|space|days?|hours?|years?|talent|resources|journey|trip"
     r"|my (?:time|money|day|life|evening|weekend)|our|the|a|an|so much|all|no|an entire"
     r"|youth|breath|ink|paper|water|away)"),
    ("substances", "wasted", "before", r"(?:time|money|effort|food|energy|votes?|talent|life"
     r"|day|years|resources|water|youth|hours|is|was|were|be|being|been|gets?|getting|got"
     r"|so much|another)\s+(?:is|was|were|be|being|been|gets?|getting|got)?"),
    ("substances", "pints|pint", "after", r"of (?:milk|water|blood|semi|skimmed|ice cream"
     r"|prawns)"),
    ("substances", "pissed", "after", r"(?:off|at|about|with|me|him|her|them|us)"),
    ("substances", "smashed", "after", r"(?:it|the|my|his|her|their|that|this|a|an|records?"
     r"|targets?|expectations|goals?|through|into|up|avocado|avo|potato(?:es)?|by|open"
     r"|glass|windows?|screen|phone|to pieces|together|burgers?|our|your|its|every|all|sales"
     r"|records?)"),
    ("substances", "hammered", "after", r"(?:home|out|by|in|into|the|a|an|it|down|away"
     r"|them|him|her|us|me|on)"),
    ("substances", "plastered", "after", r"(?:the|with|over|all over|across|on|onto|in|walls?"
     r"|ceiling)"),
    ("substances", "stoned", "after", r"(?:to death|by|for)"),
    ("substances", "coke", "before", r"(?:diet|cherry|vanilla|can of|bottle of|glass of|coca"
     r"|and a|mentos and|a|pepsi or|sugar-free)"),
    ("substances", "coke", "after", r"(?:zero|float|can|cans|bottle|bottles|cola|machine"
     r"|and (?:fries|chips|crisps|a burger|mentos)|oven|ovens|plant|works|studio)"),
    ("substances", "smoke|smoked|smoking|smokes", "after", r"(?:alarms?|detectors?|signals?"
     r"|screen|bombs?|machines?|salmon|ham|haddock|mackerel|paprika|cheese|gun|damage"
     r"|inhalation|and mirrors|from|rising|billowing|over|in the|hood|point|break|ban|bans"
     r"|free|cessation|meat|brisket|fish|bacon|tofu|sausages?|trout|the competition"
     r"|the opposition|them|you|him|her)"),
    ("substances", "smoke|smoked|smoking|smokes", "before", r"(?:no|holy|bbq|wood|up in"
     r"|clouds of|plume of|plumes of|thick|black|white|wildfire|fire|bonfire|wisp of|puff of"
     r"|where there's|anti|quit|stop|stopped|stopping|passive|second-hand|secondhand)"),
    ("substances", "sober", "after", r"(?:assessment|analysis|reflection|look|reading"
     r"|reminder|warning|tone|truth|mood|suit|colou?rs?|message|conclusion|statistics"
     r"|facts|judgement|judgment|view|evaluation)"),
    ("substances", "rehab", "before", r"(?:knee|injury|stroke|physical|acl|shoulder|hamstring"
     r"|ankle|cardiac|hip|back|post-op|sports|wildlife|bird|animal|hedgehog|turtle|injured)"),
    ("substances", "rehab", "after", r"(?:centre for (?:wildlife|animals)|exercises"
     r"|programme|program)"),
    ("substances", "addict|addicts|addiction", "before", r"(?:gaming|phone|shopping|social media"
     r"|tiktok|netflix|chocolate|sugar|caffeine|coffee|work|internet|screen|podcast|crisp"
     r"|tea|reading|book|gym|exercise|adrenaline|news|twitter|instagram|property|plant"
     r"|lego|puzzle|wordle|trainer|sneaker|candle|stationery|tech|data|junkie|cheese)"),
    ("substances", "addict|addicts|addiction", "after", r"(?:to (?:this|that|the|my|these"
     r"|those|your|his|her|their|it|tiktok|podcasts?|coffee|chocolate|tea|netflix|twitter"
     r"|social|our|wordle|the gym|exercise|running|reading|work))"),
    ("substances", "pills", "before", r"(?:vitamin|contraceptive|birth control|iron|fish oil"
     r"|diet|red|blue|the contraceptive|the|a|bitter)"),
    ("substances", "pills", "near", r"(?:matrix|bitter|swallow that|ui|button|buttons|tab"
     r"|tabs|css|design)"),
    ("substances", "rum", "after", r"(?:do|baba|babas|one|business)"),
    ("substances", "gin|gins", "after", r"(?:rummy|traps?)"),
    ("substances", "gin|gins", "before", r"(?:cotton)"),
    ("substances", "weed", "after", r"(?:killer|killers|out|the|them|through|control|seeds"
     r"|the garden|my garden|the beds|the patch)"),
    ("substances", "weed", "before", r"(?:garden|a|the|japanese knotweed|pull the|pull up the"
     r"|dandelion|bind|pondweed|sea)"),
    ("substances", "weed", "near", r"(?:garden|gardening|lawn|allotment|patio|flowerbed|beds"
     r"|hoe|weeding|dandelions?|roots?|pesticide|herbicide|plants?)"),
    ("substances", "high|drunk|stoned|wasted|sober", "near", r"(?:study|studies|survey|research"
     r"|rates?|statistics|stats|data|report|found|percent|per cent|%)"),
    ("substances", "wine|beers?|pints?|gins?|vodka|tequila|whisky|whiskey|prosecco|champagne"
     r"|cocktails?|cider|lager|drinks|rum", "after", r"(?:list|lists|tasting|tastings|pairing"
     r"|pairings|flights?|region|regions|industry|merchant|merchants|shop|shops|makers?"
     r"|glasses|rack|cooler|cellar|menu|selection|offer|festival|garden|bar|prices|sales"
     r"|exports|imports|tax|duty|brand|brands|label|company|producers?|market|sector"
     r"|vinegar|gums|sauce|cake|mustard|batter|battered|gravy|marinade|reduction|braised)"),
    ("substances", "wine|beers?|pints?|gins?|vodka|tequila|whisky|whiskey|prosecco|champagne"
     r"|cocktails?|cider|lager|rum", "near", r"(?:recipe|recipes|tbsp|tablespoons?|ml|simmer"
     r"|sauce|deglaze|marinate|stew|risotto|braise|braised|gravy|reduce)"),
    ("substances", "vape|vapes|vaping|vaped", "after", r"(?:ban|bans|shop|shops|tax|laws?"
     r"|regulations?|sales|industry)"),
    ("substances", "hangover|hangovers", "after", r"(?:from (?:the|a|an|last|previous|covid"
     r"|lockdown|the pandemic|brexit|the crisis|that)|effect|of (?:the|a|an))"),
    # emotional distress
    ("emotional_distress", "cry|crying|cried", "after", r"(?:laughing|with laughter|of laughter"
     r"|with joy|tears of joy|wolf|out for|foul|havoc|shame|😂|🤣|lol|lmao|haha|from (?:the"
     r"|a) (?:rooftops|mountain)|me a river|baby|babies)"),
    ("emotional_distress", "cry|crying|cried", "before", r"(?:far|battle|rallying|war|a far"
     r"|call to|rallying|baby|babies|babies'|toddler|the baby|the kids|hue and|not)"),
    ("emotional_distress", "tears", "after", r"(?:of (?:joy|laughter|happiness|pride|relief)"
     r"|😂|🤣|lol|haha|in (?:the|a|my|your|his|her) (?:fabric|shirt|jeans|sail|paper|tent"
     r"|material|bag|sofa|jacket|trousers|tights))"),
    ("emotional_distress", "tears", "before", r"(?:happy|wear and|joyful|tears of laughter)"),
    ("emotional_distress", "panic|panicking|panicked", "after", r"(?:buying|bought|buy|room"
     r"|button|stations?|mode|bars?|over nothing)"),
    ("emotional_distress", "panic|panicking|panicked", "before", r"(?:don't|dont|do not"
     r"|no need to|no|never|no reason to|moral|market|there's no need to|need not)"),
    ("emotional_distress", "depressed|depression", "before", r"(?:great|tropical|economic"
     r"|the great|long|post-war|1930s)"),
    ("emotional_distress", "depressed|depression", "after", r"(?:market|markets|prices|economy"
     r"|demand|wages|area|areas|region|regions|era|of (?:the|wages|prices|demand)|storms?)"),
    ("emotional_distress", "hopeless", "after", r"(?:at|with|romantic|romantics|cases?"
     r"|case|task|cause|with directions)"),
    ("emotional_distress", "breakdown|broke down|breaking down", "before", r"(?:car|cost|costs"
     r"|price|budget|detailed|full|quick|market|team|quarterly|data|vehicle|engine|van|bus"
     r"|train|service|boiler|laptop|talks|negotiations|system|server|a quick|step-by-step"
     r"|step by step|the|its|ceasefire|truce|peace talks|communication|order|law and order"
     r"|marriage|relationship|lorry|tractor|coach|taxi|washing machine|fridge|dishwasher"
     r"|printer|heating|lift|elevator|escalator|signalling|signal|line|points)"),
    ("emotional_distress", "breakdown|broke down|breaking down", "after", r"(?:of|cover"
     r"|recovery|service|truck|lane|by|in (?:the|talks|communication)|on the (?:m\d+|a\d+"
     r"|motorway|road|hard shoulder|way)|the (?:numbers|figures|data|costs|barriers|walls)"
     r"|barriers|walls|doors|the door|costs|the components|into)"),
    ("emotional_distress", "meltdown", "before", r"(?:market|nuclear|financial|stock|crypto"
     r"|reactor|toddler|global|economic|defensive|late|second-half|dramatic|epic)"),
    ("emotional_distress", "numb", "after", r"(?:fingers|hands|toes|feet|lips?|legs?|arms?"
     r"|gums|with cold|from the cold|from the anaesthetic|skulls?|nuts)"),
    ("emotional_distress", "numb", "before", r"(?:fingers|hands|toes|feet|face|mouth|lip|leg|arm"
     r"|gums|jaw)\s+(?:are|is|went|going|gone|feel|feels)?\s*(?:so|completely|totally)?"),
    ("emotional_distress", "overwhelmed", "after", r"(?:by|with) (?:the |all the |your |so much "
     r"|such |this |an? )?(?:response|support|kindness|love|messages|generosity|gratitude"
     r"|interest|demand|orders|applications|entries|enquiries|inquiries|positive|lovely"
     r"|amazing|incredible|warm)"),
    ("emotional_distress", "overwhelmed", "before", r"(?:services|hospitals|nhs|system|staff"
     r"|servers|networks?|defence|defense|the team)\s+(?:are|were|is|was|being|been)?"),
    ("emotional_distress", "want to die|wanna die|want to disappear", "after",
     r"(?:of|from|with) (?:embarrassment|shame|cringe|laughter)|(?:lol|lmao|😂|🤣|haha)"),
    ("emotional_distress", "want to die|wanna die|want to disappear|hate myself|kill myself",
     "before", _THIRD_PARTY),
    ("emotional_distress", "kill myself", "after", r"(?:laughing|lol|lmao|😂|🤣|haha)"),
    ("emotional_distress", "can't cope|cannot cope|not coping|at breaking point"
     r"|falling apart", "before", _THIRD_PARTY),
    ("emotional_distress", "falling apart", "before", r"(?:house|car|team|country|economy"
     r"|shoes|boots|sofa|book|plans|system|nhs|government|deal|club|squad|building|roof"
     r"|bridge|jeans|bag|coalition|party|league|defence|defense|project|infrastructure"
     r"|empire|society|it|trainers|umbrella|furniture|chair|the)\s+(?:is|are|was|were|keeps"
     r"|kept|been|seems|seem)?\s*(?:literally|slowly|already|just)?"),
    ("emotional_distress", "falling apart", "after", r"(?:at the seams)"),
    ("emotional_distress", "rock bottom", "before", r"(?:prices|rates|interest rates|rate"
     r"|sales|morale|stocks?|shares|confidence|expectations|ratings|prices are at"
     r"|prices hit|hit)"),
    ("emotional_distress", "lonely", "after", r"(?:planet|hearts club|island|road|mountain"
     r"|beach|lighthouse)"),
    ("emotional_distress", "stressed", "after", r"(?:syllable|syllables|the importance|the need"
     r"|that|how|its|their|his|her|the point|the word)"),
    ("emotional_distress", "stressed", "before", r"(?:also|he|she|they|it|minister|ceo"
     r"|spokesperson|spokesman|spokeswoman|report|authors|researchers|chair)"),
    ("emotional_distress", "burn out|burned out|burnt out|burnout", "before", r"(?:candle"
     r"|bulb|fire|engine|fuse|clutch|motor|star|stars|rocket|lamp|led|cigarette)"),
    ("emotional_distress", "struggling", "after", r"(?:businesses|firms|companies|retailers"
     r"|high streets?|economy|teams?|sides?|clubs?|schools|to (?:find|fill|recruit|hire|keep up"
     r"with demand|keep up|load|connect|compile|render)|artists?|strikers?|defence)"),
    ("emotional_distress", "struggling", "before", _THIRD_PARTY),
    ("emotional_distress", "spiraling|spiralling", "after", r"(?:costs?|prices?|inflation|debt"
     r"|out of control|staircase|stairs|bills)"),
    ("emotional_distress", "spiraling|spiralling", "before", r"(?:costs?|prices?|inflation"
     r"|debts?|bills)"),
    ("emotional_distress", "isolated", "after", r"(?:incidents?|cases?|case|showers?|system"
     r"|systems|environment|the (?:bug|issue|problem|cause|gene|virus|compound|variable)"
     r"|from the (?:network|internet|rest))"),
    ("emotional_distress", "isolated", "before", r"(?:geographically|we|they|scientists"
     r"|researchers|engineers|team|was|were|been)\s*"),
    ("emotional_distress", "devastated|devastating", "near", r"(?:hurricane|storm|floods?|fire"
     r"|fires|wildfire|earthquake|war|bomb|bombing|town|towns|city|region|crops?|coast)"),
    ("emotional_distress", "trauma", "before", r"(?:blunt|head|minor|major|orthopaedic"
     r"|orthopedic|surgical)"),
    ("emotional_distress", "trauma", "after", r"(?:surgeon|surgery|unit|centre|center|team"
     r"|ward|bay|informed)"),
    ("emotional_distress", "grief", "before", r"(?:good|goodness|oh good)"),
    ("emotional_distress", "numb", "near", r"(?:anaesthetic|anesthetic|dentist|injection"
     r"|cold|frostbite|ice)"),
    ("emotional_distress", "mental health", "after", r"(?:services|service|awareness|week|day"
     r"|month|support|provision|funding|policy|strategy|charity|charities|first aiders?"
     r"|training|crisis teams?|nurses?|practitioners?|professionals?|trusts?|act|bill)"),
    # whereabouts
    ("whereabouts", "boarding", "after", r"(?:schools?|house|houses|kennels?|cattery|catteries"
     r"|facility|options|process|party|passes (?:are|will)|up|pupils|fees)"),
    ("whereabouts", "boarding", "before", r"(?:snow|skate|paddle|wake|kite|dog|pet|cat|horse"
     r"|cattery|kennels|and|for)"),
    ("whereabouts", "empty", "near", r"(?:rent|let|lets|sale|available|viewing|viewings"
     r"|bedroom|bedrooms|homes|properties|council|stock|tax|crisis|second|landlords?"
     r"|agents?|listing|listings|offices|shops|units|warehouse|high street|buildings)"),
    ("whereabouts", "landed in", "after", r"(?:hot water|trouble|the (?:top|bottom|news|spam"
     r"|inbox|wrong|right)|court|jail|prison|my inbox|our inbox|the inbox|a bit of)"),
    ("whereabouts", "abroad", "before", r"(?:study|studying|studied|work|working|sell|selling"
     r"|sold|export|exporting|jobs|talent|recruit|recruiting|students|students from|both at home"
     r"|at home and|home and|travel)"),
    ("whereabouts", "abroad", "near", r"(?:programme|program|scheme|scholarship|universities"
     r"|university|visa|visas|markets|exports|policy|study)"),
    ("whereabouts", "airport", "near", r"(?:expansion|runway|runways|policy|passengers|airline"
     r"|airlines|investment|operator|authority|chaos|strike|strikes|delays|report|statistics"
     r"|jobs|council|plans|planning|proposal|noise|protest|protesters)"),
    ("whereabouts", "on holiday|on vacation|on hols|on holidays|on annual leave", "before",
     _THIRD_PARTY + r"|(?:ceo|boss|manager|teacher|team|office|staff|mp|pm|minister"
     r"|president|king|prince|princess|celebrity|he|she|they|parliament|clients?|customers?"
     r"|members|owner|chef|receptionist|doctor|gp|dentist)\s+(?:is|are|was|were|will be|goes"
     r"|going|went)?"),
    ("whereabouts", "live in|live on|live near|live at|live by|live off|live round|live around",
     "after", r"(?:hope|fear|denial|the moment|the past|peace|harmony|poverty|luxury|sin|fear of"
     r"|comfort|a bubble|my head|your head|our heads|each other's)"),
    ("whereabouts", "be at|be in", "after", r"(?:touch|charge|trouble|contact|a meeting|meetings"
     r"|the office|work|my best|a good place|a better place|good hands|your hands|our hands"
     r"|the loop|a position|a bad way|a state|the running|with a chance|a rush|the way"
     r"|the dark|tears|bits|pieces|a mess|the top|the bottom|the middle|favour|favor"
     r"|it for|it)"),
    ("whereabouts", "live in", "after", r"(?:it|them|this|that|these|those|my (?:pyjamas|pjs"
     r"|hoodie|trainers|joggers|trackies|head)|sweatpants|joggers|trackies)"),
    ("whereabouts", "away_dates off", "before", r"(?:heating|lights|power|water|tv|it|them"
     r"|phone|notifications|alarm|aircon|ac)"),
    ("whereabouts", "walking home", "before", r"(?:safety of|women|girls|people|students|safe"
     r"|tips for|advice for)"),
    ("whereabouts", "gate", "near", r"(?:gate \d+ of|logic|transistor|transistors|circuit"
     r"|circuits|qubit|qubits|quantum)"),
    ("whereabouts", "checked|checking", "after", r"(?:in (?:at|to) (?:the|our) (?:code|repo"
     r"|system))"),
    ("whereabouts", "routine", "near", r"(?:open|opening|opens|closed|closes|classes|sessions"
     r"|club|meetups?|meetings?|market|markets|service|services|quiz|quizzes|tours?|events?"
     r"|webinars?|episode|episodes|newsletter|podcast|deliveries|collection|collections"
     r"|bins?|rubbish|recycling|drop-in|surgery|bingo|karaoke)"),
    # finances
    ("finances", "debt|debts", "before", r"(?:national|government|public|sovereign|corporate"
     r"|technical|federal|country's|nation's|global|emerging market|household|consumer"
     r"|student|bad|company|greek|us|uk|eurozone|design|sleep|nation|country|private|total"
     r"|medical|credit card|mortgage|state|municipal|council|club|club's|firm's|firm)"),
    ("finances", "debt|debts", "after", r"(?:ceiling|crisis|markets?|to gdp|to-gdp|relief"
     r"|restructuring|levels?|burden|of gratitude|issuance|servicing|forgiveness|advice"
     r"|charity|charities|management|trap|traps|interest|mountain|pile|problems|spiral"
     r"|spirals|figures|statistics|rises|soared|rose|hit)"),
    ("finances", "bankrupt|bankruptcy", "before", r"(?:morally|intellectually|creatively"
     r"|spiritually|ethically|politically|emotionally|ideologically)"),
    ("finances", "bankrupt|bankruptcy", "near", r"(?:company|firm|firms|companies|retailer"
     r"|retailers|chain|club|airline|bank|banks|business|businesses|lawyer|court|filed|files"
     r"|filing|chapter|administration|council|city|state|insolvency)"),
    ("finances", "salary|salaries", "after", r"(?:range|band|bands|expectations|package"
     r"|negotiation|negotiations|survey|data|benchmarks?|transparency|cap|caps|bill|sacrifice"
     r"|scheme|increases? for|guide|calculator|report)"),
    ("finances", "salary|salaries", "before", r"(?:competitive|attractive|starting|average"
     r"|median|generous|base|annual|excellent|great|good|high|ceo|ceo's|executive|player"
     r"|players'|nurses'|teachers'|doctors'|mps'|public sector|graduate)"),
    ("finances", "wage|wages", "before", r"(?:minimum|living|average|real|national|fair|low"
     r"|rising|stagnant|median|workers'|public sector|real-terms|real terms|nurses'|teachers'"
     r"|doctors')"),
    ("finances", "wage|wages", "after", r"(?:growth|gap|gaps|rises|rise|increases?|data"
     r"|figures|statistics|bill|inflation|freeze|stagnation|war|theft|subsidy|floor|policy"
     r"|councils?|band)"),
    ("finances", "rent", "before", r"(?:for|to|car|bike|bikes|can|available to|flats? to"
     r"|homes? to|price of|cost of|high|higher|rising|average|private|social|market|fair"
     r"|affordable|ground|council|commercial|peppercorn|free)"),
    ("finances", "rent", "after", r"(?:a|an|out|this|the|your|bikes?|cars?|boats?|now|today"
     r"|from|free|controls?|caps?|strikes?|boys|seeking|our|one|it|them|space|kayaks?|paddle"
     r"|equipment|tools?|spaces|rises|rise|increases|increase|reform|reforms|prices|levels"
     r"|growth|inflation|data|figures|rates?|tribunals?|freeze|guarantees?|to (?:buy|own)"
     r"|is (?:the|a) (?:musical|show))"),
    ("finances", "mortgage|mortgages", "after", r"(?:rates?|market|markets|lenders?|approvals"
     r"|advice|adviser|advisers|advisor|brokers?|deals?|products?|guide|calculator|holders|data"
     r"|figures|crisis|costs)"),
    ("finances", "mortgage|mortgages", "before", r"(?:our|your|free|expert|best|average"
     r"|fixed-rate|fixed rate|variable|tracker|first-time|first time)"),
    ("finances", "pension|pensions|savings|loan|loans|inheritance|landlord|landlords", "near",
     r"(?:reform|reforms|policy|policies|scheme|schemes|regulator|regulators|industry|sector"
     r"|rates|rate|products|advice|adviser|advisers|calculator|guide|tips|webinar|budget"
     r"|chancellor|government|triple lock|minister|consultation|fund|funds|ons|statistics"
     r"|tax|isa|isas|account|accounts|bank|banks|apply|application|eligible|lender|lenders)"),
    ("finances", "savings", "near", r"(?:big|huge|save|offer|discount|sale|deals?|energy"
     r"|costs?|efficiency|time|cost|percent|%|off)"),
    ("finances", "payday", "after", r"(?:loans?|lenders?|sale|sales|deals?|treat|offers?"
     r"|weekend special|special)"),
    ("finances", "pin|pin number", "near", r"(?:drop|map|maps|location|board|boards|pinterest"
     r"|post|tweet|comment|thread|bowling|hair|safety|badge|badges|lapel|enamel|chip|code"
     r"|grenade)"),
    ("finances", "broke", "after", r"(?:the|a|an|up|down|out|into|even|ground|through|records?"
     r"|news|character|cover|camp|bread|ranks|away|loose)"),
    ("finances", "can't afford|cannot afford|skint|broke", "before", _THIRD_PARTY),
    ("finances", "can't afford|cannot afford", "after", r"to (?:miss|lose|ignore|wait|be|get it"
     r"wrong|fail|take|let|fall|delay|underestimate|overlook|skip|pass)"),
    ("finances", "loans?", "near", r"(?:library|libraries|book|books|exhibition|museum|gallery"
     r"|player|players|loanee|club|deal|signing|season-long|striker|midfielder|defender"
     r"|keeper|goalkeeper)"),
    ("finances", "food ?banks?", "near", r"(?:donate|donation|donations|volunteer"
     r"|volunteers|volunteering|collection|collecting|appeal|usage|use rose|demand|trussell"
     r"|drop off|drop-off)"),
    # work grievance
    ("work_grievance", "boss", "before", r"(?:girl|like a|big|final|level|end|the final"
     r"|end-of-level|crime|mob|hugo|da|the big|mini|raid|secret)"),
    ("work_grievance", "boss", "after", r"(?:level|levels|fight|fights|battle|battles|mode"
     r"|move|babe|man|baby|lady|hogg|rush|key|up|it)"),
    ("work_grievance", "boss", "near", r"(?:game|gaming|level|raid|dungeon|ps5|xbox|nintendo"
     r"|elden|souls|speedrun|hugo|bruce|springsteen|fashion)"),
    ("work_grievance", "quit|quitting", "after", r"(?:smoking|drinking|vaping|sugar|caffeine"
     r"|alcohol|booze|twitter|x|social media|facebook|instagram|tiktok|the game|while"
     r"|complaining|moaning|whining|it|that|this|trying|the app|coffee|chocolate|meat|dairy"
     r"|gluten|the gym|the habit|playing|the league|the race|the contest|the competition"
     r"|the show|the band|the tour|the election|the leadership race|running|netflix"
     r"|the series|halfway)"),
    ("work_grievance", "quit|quitting", "before", r"(?:don't|never|no|can't|dont|cant|hard to"
     r"|how to|tips for|to|ctrl|alt|press|hit|just|you|he|she|they|minister|mp|ceo|coach"
     r"|manager|chair|player|president|star|captain|chairman|director|host|judge|presenter"
     r"|co-founder|founder|cofounder)"),
    ("work_grievance", "resign|resigned|resigning|resignation", "after", r"(?:to|himself|herself"
     r"|themselves|itself|shrug|look|sigh|tone|from the (?:party|cabinet|board|government)"
     r"|as (?:mp|minister|chair|ceo|prime minister|president|leader|coach|manager))"),
    ("work_grievance", "resign|resigned|resigning|resignation", "before", _THIRD_PARTY
     + r"|(?:minister|mp|ceo|chair|chairman|coach|manager|president|prime minister|pm"
     r"|leader|director|secretary|chancellor|boss|governor|senator|official|officials"
     r"|calls? for|calls? to|demand|demands|demanded|forced to|must|should|will|has|have)"),
    ("work_grievance", "HR", "before", r"(?:\d|per|an|/|the)\s*"),
    ("work_grievance", "HR", "after", r"(?:rate|zone|max|monitor|manager role|managers wanted"
     r"|software|systems?|platforms?|tech|technology|teams?|professionals?|leaders?"
     r"|directors?|policy|policies|trends?|conference|summit|department of|analytics|data"
     r"|tools?|solutions?|consultancy|consultants?|jobs?|careers?|roles?|graduates?"
     r"|qualifications?|best practice|apprenticeships?|leadership|insights?|podcast|webinar)"),
    ("work_grievance", "redundancy|redundant|redundancies", "after", r"(?:code|data|copies"
     r"|copy|systems?|servers?|power|backups?|information|words?|questions?|features?|checks?"
     r"|steps?|array|arrays|storage|network|networks|supply|supplies|paths?|links?|methods?"
     r"|functions?|tests?|fields?|columns?|rows?|variables?|fans?|drives?|disks?|sentence"
     r"|phrase|clauses?|comma|commas|here|now|because|since|once|with|given|if|when)"),
    ("work_grievance", "redundancy|redundant|redundancies", "before", r"(?:data|system|network"
     r"|power|storage|built-in|n\+1|geographic|hardware|software|is|are|becomes|become|feels"
     r"|seems|seem|totally|completely|largely|somewhat|bit|little|rather|quite|very|now"
     r"|making|make|makes|made|render|renders|rendered)"),
    ("work_grievance", "laid off|sacked|fired|redundancies|disciplinary|grievance|tribunal"
     r"|burnout|burn out|burnt out|burned out|micromanage|micromanaging|micromanagement"
     r"|micromanager", "near", r"(?:study|studies|survey|research|report|webinar|guide|tips"
     r"|thread|article|policy|policies|training|course|workshop|statistics|stats|data"
     r"|percent|per cent|%|leaders|leadership|employers|managers|employees|workers|staff"
     r"|companies|firms|organisations|organizations|clients|avoid|prevent|preventing|spot"
     r"|recognise|recognize|signs|how to|ways to|strategies|podcast|episode|book|author"
     r"|keynote|session|players?|coach|striker|club|chelsea|united|city)"),
    ("work_grievance", "sacked|fired", "after", r"(?:up|a|the|off|back|at|on|shots?|rockets?"
     r"|missiles?|pottery|kiln|bricks?|pizza|oven|clay|him|her|them|by (?:the|his|her|their)"
     r"|coach|manager|as (?:coach|manager|head coach))"),
    ("work_grievance", "on strike", "before", r"(?:go|going|went|gone|are|were|be|been|vote to go"
     r"|nurses|doctors|teachers|drivers|workers|staff|unions?|lecturers|rail|tube|bus|postal"
     r"|junior|consultants|firefighters|pilots|cabin crew|guards|porters|cleaners)"),
    ("work_grievance", "tribunal", "near", r"(?:immigration|asylum|planning|tax|first-tier"
     r"|first tier|upper|mental health|appeals?|tenants?|landlords?|property)"),
    ("work_grievance", "notice period", "near", r"(?:tenancy|landlord|tenant|rent|lease"
     r"|contract law|statutory|legal|minimum|apply|required|requirement)"),
    ("work_grievance", "job interview|job interviews|interview", "near", r"(?:tips|advice"
     r"|questions|guide|course|workshop|webinar|candidates?|applicants?|recruiters?|hiring"
     r"|prepare|preparing|preparation|ace|nail|how to|ways to|mock|practice|coaching|coach"
     r"|podcast|book|resource|resources|students?|graduates?)"),
    ("work_grievance", "job hunt|job hunting|job search|job searching|applying for jobs",
     "near", r"(?:tips|advice|guide|course|workshop|webinar|candidates?|applicants?"
     r"|recruiters?|how to|ways to|students?|graduates?|resources|platform|app|apps|site"
     r"|sites|board|boards|market|season|trends?|data|survey|report|podcast|episode)"),
    ("work_grievance", "toxic", "near", r"(?:how to|ways to|signs|spot|recognise|recognize"
     r"|avoid|study|studies|survey|research|report|guide|tips|webinar|podcast|episode"
     r"|thread|article|book|leaders|leadership|employers|companies|organisations"
     r"|organizations|hr|culture change)"),
    ("work_grievance", "overworked|underpaid", "before", _THIRD_PARTY),
    # beliefs
    ("beliefs", "church|churches", "after", r"(?:street|road|lane|st|end|farm|yard|wharf|gate"
     r"|square|walk|hall (?:is )?(?:available|for hire)|green|hill|close|way|avenue|stretton"
     r"|crookham|conversion|conversions|converted|venue|roof|tower|bells? (?:ringing|rang)"
     r"|architecture|of the poison mind)"),
    ("beliefs", "church|churches", "before", r"(?:old|converted|derelict|former|historic"
     r"|medieval|ruined|norman|a converted|the old|ex|abandoned|gothic|baroque)"),
    ("beliefs", "church|churches", "near", r"(?:architecture|architect|restoration|listed"
     r"|heritage|tourist|tourists|tour|tours|wedding venue|venue|concert|gig|gigs|photo"
     r"|photography|stained glass|charlotte)"),
    ("beliefs", "temple|temples", "after", r"(?:bar|run|station|university|street|meads|of doom"
     r"|fork|tap|church (?:street|road)|inn|newsam)"),
    ("beliefs", "temple|temples", "before", r"(?:left|right|both|my left|my right|shirley"
     r"|inner|middle|the inner|the middle|stone|ancient|angkor|greek|roman|the ancient"
     r"|a ancient|an ancient|ruined)"),
    ("beliefs", "temple|temples", "near", r"(?:headache|migraine|throbbing|pain|bruise|bruised"
     r"|punch|hit|tourists?|tour|tours|ruins|ancient|archaeology|archaeologists|excavation"
     r"|unesco|heritage|visit|visiting|sightseeing)"),
    ("beliefs", "mass|masses", "after", r"(?:media|market|markets|produced|production"
     r"|producing|shootings?|layoffs|lay-offs|extinctions?|transit|effect|spectrometry"
     r"|spectrometer|appeal|murders?|graves?|grave|casualty|casualties|hysteria|surveillance"
     r"|of|number|gain|gainer|index|protests?|resignations?|exodus|adoption|tourism|timber"
     r"|balance|flow|loss|killings?|migration|mobilisation|mobilization|participation"
     r"|unemployment|rally|rallies|email|emails|mailing|customisation|customization"
     r"|deportations?|vaccination|testing|audience|audiences|arrests?|redundancies|walkout"
     r"|walkouts|is conserved|conservation|and energy|and weight|and volume|and density"
     r"|=|equals|times|ratio|fraction|flux|density|distribution|function|matrix|spectrum"
     r"|estimate|estimates|measurement|measurements|transfer|action)"),
    ("beliefs", "mass|masses", "before", r"(?:body|muscle|bone|critical|solar|dark|fat|lean"
     r"|air|land|total|atomic|molecular|en|rest|point|centre of|center of|its|their|of|a"
     r"|landmass|low|high|reduced|net|dry|relative|gravitational|inertial|planetary|stellar"
     r"|black hole|star's|earth's|tumour|tumor|soft tissue|the|this|that|large|small|huge"
     r"|great|the great|unwashed|the unwashed|protesting|angry|seething|sun's|planet's"
     r"|moon's|jupiter's|object's|particle's|electron|proton|neutron|quark|higgs|boson"
     r"|nuclear|isotopic|bulk|gross|lean body|fat-free|fat free)"),
    ("beliefs", "mass|masses", "near", r"(?:physics|energy|force|forces|gravity|gravitational"
     r"|particles?|conserved|conservation|inertia|velocity|momentum|acceleration|density"
     r"|volume|weight|kg|kilograms?|grams?|newtons?|einstein|relativity|higgs|boson|electrons?"
     r"|protons?|neutrons?|atoms?|atomic|molecular|matter|measure|measured|equals|e=mc2"
     r"|e=mc²|formula|equation|objects?|planets?|stars?|galaxy|galaxies|black hole"
     r"|spectrometry|spectrometer|sample|samples|tumour|tumor|lump|muscle|bmi|lab"
     r"|experiment|scale|scales|calculate|calculated|calculating|ratio|units?|si)"),
    ("beliefs", "god", "before", r"(?:oh|o|my|oh my|thank|thanks|good|dear|for|to|by|swear to"
     r"|honest to|ye|omg|please|sweet|hand of|dear lord and|a|the|sun|sea|greek|norse|roman"
     r"|guitar|football|tech|sex|domestic|household)"),
    ("beliefs", "god", "after", r"(?:knows|forbid|help (?:me|us|him|her|them)|damn|dammit"
     r"|awful|almighty mess|tier|mode|level|complex|'s sake|’s sake|sake|bless you|!|of war"
     r"|of thunder|particle|rays|that was|what a|this is|it's|its|i'm|im|the|is (?:awful"
     r"|terrible|embarrassing))"),
    ("beliefs", "jesus", "after", r"(?:christ\s*[,!]|wept|h\.? christ|[,!]|that was|what a"
     r"|this is|it's|christ (?:that|this|what|it))"),
    ("beliefs", "jesus", "before", r"(?:oh|sweet|holy|christ|by|baby|little baby|cheese and)"),
    ("beliefs", "pray|prayed|praying|prayer|prayers|prays", "after", r"(?:it|that|this"
     r"|the (?:weather|rain|train|bus|wifi|sun)|for (?:good weather|sun|no rain|a miracle"
     r"|a win|the wifi|rain|snow|a goal|the team|three points)|hands|emoji|🙏)"),
    ("beliefs", "pray|prayed|praying|prayer|prayers|prays", "before", r"(?:thoughts and"
     r"|a|the|a little|wing and a|hail mary|don't stand a|haven't got a|hasn't got a"
     r"|not a|without a)"),
    ("beliefs", "fasting", "before", r"(?:intermittent|\d+:\d+|water|juice|overnight|pre-op"
     r"|5:2|16:8|dry|dopamine|extended|prolonged)"),
    ("beliefs", "fasting", "after", r"(?:blood|glucose|diet|diets|window|insulin|before"
     r"|for (?:surgery|a blood test|my op|the op|the operation|weight loss)|apps?|protocol"
     r"|plan|tracker|mimicking)"),
    ("beliefs", "Labour", "after", r"(?:market|markets|costs?|shortages?|force|laws?|rights"
     r"|day|intensive|saving|ward|pains?|of love|supply|productivity|mobility|statistics"
     r"|hire|relations)"),
    ("beliefs", "bible", "before", r"(?:marketing|cooking|style|fashion|design|coding|baking"
     r"|gardening|industry|tech|seo|sales|startup|running|cycling|fitness|training|writing"
     r"|photography|wine)"),
    ("beliefs", "bible", "after", r"(?:of|for (?:anyone|designers|marketers|developers|cooks"
     r"|bakers|runners|writers|founders))"),
    ("beliefs", "amen", "after", r"(?:to that|break|corner)"),
    ("beliefs", "confession", "after", r"(?:\s*:|time|of a|of an|booth)"),
    ("beliefs", "confession", "before", r"(?:full|signed|false|forced|coerced|police|his|her"
     r"|their|the suspect's|a|partial|true)"),
    ("beliefs", "trump", "after", r"(?:card|cards|suit|suits|all|everything|the)"),
    ("beliefs", "trump", "before", r"(?:to|will|can|could|would|always|usually|often|does|do"
     r"|may|might)"),
    ("beliefs", "leaver|leavers", "before", r"(?:school|care|early|college|sixth form|year 11"
     r"|year 13|class of)"),
    ("beliefs", "leavers", "after", r"(?:hoodies?|assembly|ball|do|party|day|trip|photos?"
     r"|prom|book|shirts?)"),
    ("beliefs", "conservative", "after", r"(?:estimate|estimates|guess|figure|figures"
     r"|approach|measure|side|assumption|assumptions|dress|style|investor|investment"
     r"|treatment|management)"),
    ("beliefs", "priest|vicar|imam|rabbi|pastor", "near", r"(?:abuse|trial|court|charged"
     r"|convicted|arrested|scandal|police|report|bbc|news|film|movie|series|drama|novel"
     r"|judas|fleabag|hot|character|episode|actor|cast|casting|role|interview|interviewed)"),
    ("beliefs", "chapel", "near", r"(?:sistine|wedding venue|venue|hire|tour|tourists"
     r"|visit|visiting|architecture|restoration|listed|museum|concert|gig|hill|street"
     r"|college|gallery|exhibit|exhibition)"),
    ("beliefs", "democrat|democrats|republican|republicans|maga|trump|biden|tory|tories"
     r"|labour|brexit", "near", r"(?:poll|polls|polling|senate|congress|house|announced"
     r"|announces|report|reports|reported|says|said|claims|claimed|according|analysis"
     r"|voters|lawmakers|bill|legislation|majority|minority|candidate|candidates|campaign"
     r"|leader|leadership|mps|government|minister|ministers|policy|policies|manifesto"
     r"|committee|spokesperson|spokesman|spokeswoman|press)"),
    ("beliefs", "pilgrimage", "near", r"(?:fans|musical|music|food|foodie|beer|football"
     r"|stadium|record shop|gig|concert|tourists|tourism|annual|festival)"),
    # Seasonal greetings sent *to* others say nothing about the sender's own faith.
    ("beliefs", "eid mubarak|ramadan mubarak|ramadan kareem|shabbat shalom|diwali|eid"
     r"|hanukkah|passover", "after", r"(?:to|from (?:all of )?us|from all|everyone|all|y'all"
     r"|friends|folks)"),
    ("beliefs", "pastor", "before", r"(?:al)"),
    # Professions: "as a paramedic", "our visiting doctor", "1 doctor per 5,000 people".
    ("health", "doctor|doctors|paramedic|paramedics|physio|physiotherapist|surgeon|oncologist"
     r"|dentist|gp|psychiatrist|therapist|nurse", "before", r"(?:as a|as an|i'm a|i am a|im a"
     r"|i'm an|becoming a|become a|training to be a|qualified|trainee|student|junior|senior"
     r"|locum|visiting|the best|a good|a great|critical care|care|club|team|practice|\d+"
     r"|our|head|lead|chief|sports|veterinary|vet)"),
    ("health", "doctor|doctors|paramedic|paramedics|physio|physiotherapist|surgeon|oncologist"
     r"|dentist|gp|psychiatrist|therapist|nurse", "after", r"(?:i am|i'm|per|shortages?"
     r"|strikes?|numbers|training|recruitment|jobs?|vacancies|workforce|assessment|degree"
     r"|course|students?|school|placements?|colleagues?|friends?|surgeries|practices|pay)"),
    ("health", "off sick|sick|bed rest|hungover|called in sick", "before", _THIRD_PARTY
     + r"|(?:two|three|four|half|some|most|many|all|one) of (?:ours|them|the \w+|my \w+)"
     r"(?: (?:went|are|were|is|was|have been|has been))?"),
    ("health", "bed rest", "after", r"(?:is|was|isn't|for (?:patients|people|anyone))"),
    ("health", "sick", "after", r"['’\"]"),
    ("substances", "hungover", "before", _THIRD_PARTY),
    ("work_grievance", "off sick|called in sick|calling in sick|rang in sick|phoned in sick",
     "before", _THIRD_PARTY + r"|(?:two|three|four|half|some|most|many|all|one) of (?:ours"
     r"|them|the \w+)(?: (?:went|are|were|is|was|have|has))?"),
    ("work_grievance", "laid off|fired|sacked|made redundant|let go", "before", _THIRD_PARTY),
    ("work_grievance", "supervisor", "after", r"(?:training|role|course|certificate"
     r"|certification|qualification|position|job|process|processes|daemon|tree)"),
    ("work_grievance", "supervisor", "before", r"(?:safety|food safety|process|phd|our)"),
    ("relationships", "gf|bf", "near", r"(?:gluten|vegan|df|dairy|free|menu|options|brownie"
     r"|brownies|bread|pizza|bakery|flour|celiac|coeliac|nut|nuts|allergens?|bun|buns|cake"
     r"|cakes|pasta|tortillas|v|vg|ve|beer|beers)"),
    ("relationships", "wedding|weddings", "near", r"(?:play|playing|played|dj|djing|band"
     r"|photographer|photography|shoot|shooting|shot|venue|venues|gig|gigs|booked|bookings"
     r"|cake|cakes|florist|flowers|planner|caterer|catering|season|clients?|couples?|dress"
     r"|dresses|industry|hire|packages?|fair|fairs|brochure)"),
    ("relationships", "stood up", "after", r"(?:and|to|for|in|on|straight|tall|from|against"
     r"|at|with|when|as|the|a|an|my|our|his|her|their)"),
    ("family", "term (?:parents|mums|moms|dads|families|kids)", "after", r"[,:]"),
    ("family", "term parents", "before", r"(?:year \d+|reception|nursery|new|expectant|all"
     r"|dear|attention|calling all|foster|adoptive)"),
    ("emotional_distress", "breakdown|broke down", "before", r"(?:press|proper|full|detailed"
     r"|quick|cost|costs)"),
    ("emotional_distress", "cry", "before", r"(?:could|i could|proud i could|happy i could"
     r"|so proud i could|might|gonna|about to)"),
    ("emotional_distress", "burnout|burn out|burned out|burnt out", "near", r"(?:ep|episode"
     r"|podcast|webinar|talk|keynote|article|study|survey|thread)"),
    ("whereabouts", "my street|my road", "after", r"(?:portrait|portraits|photography|photos?"
     r"|art|food|style|team|cred|smarts|photographer|series|kitchen|stall)"),
    ("whereabouts", "routine", "near", r"(?:hours|utc|gmt|est|pst|cet|discord|twitch|stream"
     r"|streams|livestream|live|zoom|online|call|calls|standup|stand-up|sync)"),
    ("finances", "savings", "near", r"(?:onboarding|flow|feature|features|app|product|products"
     r"|test|variant|conversion|account|accounts|rate|rates|isa)"),
    ("finances", "debt|debts", "after", r"(?:limit|limits|ceiling)"),
    ("finances", "loan|loans", "near", r"(?:settled|apps?|applications?|repayments?|products"
     r"|customers|clients|team|broker|brokers|brokering|portal|aggregator|approved|approvals"
     r"|officer|officers|book|rates|lending|lender|lenders)"),
    ("finances", "card(?: got| was| keeps getting| keeps being| just got)? declined"
     r"|declined card", "before", r"(?:your|his|her|their|the customer's|customer's|a"
     r"|sorry your|sorry)"),
    ("finances", "salary|salaries", "before", r"(?:tech|no|his|her|their|your)"),
    ("finances", "pin|pin number|sort code|account number|bank details|card details", "before",
     r"(?:your|ur|their|his|her|the customer's|customers'|a|the|for your|for ur)"
     r"(?: \w+ (?:and|or|&))?"),
    ("finances", "mortgage|mortgages", "before", r"(?:fixed|\d+-year|\d+ year|\d+yr)"),
    ("finances", "food ?banks?", "near", r"(?:donated|donating|raised|raising|support"
     r"|supporting)"),
    ("finances", "loan|loans", "near", r"(?:business|businesses|sme|smes|startup|startups)"),
    ("work_grievance", "HR", "before", r"(?:worked in|work in|working in|career in|job in"
     r"|role in|degree in|years in|been in|head of|director of)"),
    ("work_grievance", "my job|my colleague|my colleagues", "before", r"(?:love|loving|enjoy"
     r"|i love|best part of|part of|proud of|grateful for|thanks to|thank you to|shout out to"
     r"|sharp sharp to)"),
    ("emotional_distress", "cried|crying|cry|sobbed|sobbing|in tears", "before", _THIRD_PARTY
     + r"|(?:he|she|they|him|her|them|who|everyone|everybody|guest|guests|bride|groom|crowd"
     r"|audience|hiker|lad|girl|boy|man|woman|kid|baby|fans)"),
    ("family", "kids|children", "before", r"(?:these|those)"),
    ("emotional_distress", "cried|crying|cry|sobbed|sobbing|in tears|tears", "near",
     r"(?:film|films|movie|movies|episode|show|musical|trailer|song|songs|album|advert|ad|ads"
     r"|series|finale|book|novel|chapter|ending|happy|joy|joyful|proud|pride|laughing|laughed"
     r"|laugh|lol|lmao|haha|hahaha|wedding|speech|vows|ceremony|graduation|reunion|bluey"
     r"|pixar|disney|anime|kdrama|drama|concert|gig|performance|choir|anthem|goal|win|won"
     r"|beautiful|cute|adorable|funny|hilarious|😂|🤣)"),
    ("family", "children|kids", "after", r"['’]s (?:hospice|charity|centre|center|ward|trust"
     r"|society|commissioner|author|authors|theatre|laureate|tv|television|party|parties"
     r"|entertainer|choir|home|homes)"),
    ("health", "flu shots?|flu jabs?|vaccines?|booster|boosters", "before", r"(?:staff|free"
     r"|our|your|get your|book your|book a|covid and|flu and|\+)"),
    ("finances", "salary|salaries", "after", r"(?:history|histories|for (?:a|the|this) (?:role"
     r"|client|job|position))"),
)

# --------------------------------------------------------------------------------------------
# Framing: which tokens mark first-person or own-circle framing.
# --------------------------------------------------------------------------------------------

_SINGULAR = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "mine",
                       "myself", "mines"})
_PLURAL = frozenset({"we", "we're", "we've", "we'd", "we'll", "our", "ours", "us",
                     "ourselves"})
_KIN = frozenset({"mum", "mom", "mam", "mummy", "mommy", "mama", "ma", "maw", "mammy", "abuela",
                  "abuelo", "amma", "ammi", "nani", "dadi", "dad", "daddy", "papa", "nan",
                  "nana", "nanna", "gran", "granny", "grandma", "grandad", "granddad",
                  "grandpa", "hubby", "wifey", "missus", "bae", "bf", "gf"})
_THE_KIN = frozenset({"wife", "husband", "hubby", "missus", "ex", "in-laws", "fam",
                      "boyfriend", "girlfriend", "little"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "your", "ur", "every",
                          "any", "each", "some", "no", "this", "that", "new", "other",
                          "another", "single", "working", "young", "expectant", "many",
                          "all", "its", "whose", "which", "what", "first-time", "cool",
                          "tiger", "hot", "soccer", "sugar", "football", "yo", "ya",
                          "everybody's", "everyone's", "someone's", "people's", "confused",
                          "elderly", "yer", "dat"})
#: "my patients", "our customers": a professional's "my" says nothing about them.
_PROFESSIONAL = frozenset({"patients", "patient", "clients", "client", "customers", "customer",
                           "students", "student", "pupils", "pupil", "readers", "listeners",
                           "viewers", "followers", "subscribers", "audience", "guests",
                           "members", "users", "team", "staff", "employees", "trainees",
                           "mentees", "class", "community", "partners", "sponsors",
                           "supporters", "donors", "volunteers", "residents", "tenants",
                           "visitors", "fans", "research", "study", "paper", "article",
                           "book", "podcast", "newsletter", "blog", "talk", "webinar",
                           "course", "workshop", "show", "channel", "lab", "department",
                           "organisation", "organization", "company", "business", "firm",
                           "practice", "clinic", "thread", "latest", "recent", "previous",
                           "next", "colleagues", "speakers", "panel", "panelists", "guest",
                           "service", "services", "findings", "data",
                           "survey", "report", "products", "product", "brand", "store",
                           "shop", "venue", "menu", "range", "app", "website", "site"})
#: "our NHS", "our schools": civic 'our' is everyone's, not the author's.
_CIVIC = frozenset({"nhs", "country", "society", "communities", "nation", "planet",
                    "democracy", "schools", "hospitals", "government", "economy", "youth",
                    "young", "veterans", "town", "city", "region", "world", "industry",
                    "sector", "profession", "field", "species", "culture", "streets",
                    "politicians", "leaders", "generation", "times", "healthcare", "health",
                    "national", "public", "future", "understanding", "knowledge", "county",
                    "state", "borough", "province", "district", "parish", "sport", "game"})
#: "our pharmacists", "our lobby": an organisation speaking (only after "our").
_OUR_PROFESSIONAL = frozenset({"treatment", "care", "approach", "pharmacists", "pharmacy",
                               "hygienists", "hygienist", "nurses", "doctors", "experts",
                               "specialists", "lobby", "unit", "ward", "surgery", "facility",
                               "centre", "center", "programme", "program", "policy", "plan",
                               "plans", "process", "teams", "counsellors", "counselors", "crew",
                               "agency", "editor", "producer", "captain", "bartender", "chef",
                               "chefs", "beer", "beers", "wines", "taproom", "brewery",
                               "founder", "founders", "ceo", "vp", "mission", "values",
                               "latest", "upcoming", "annual", "free", "weekly", "monthly"})
#: "we need to talk about...": the inclusive, society-wide we.
_WE_GENERIC = frozenset({"need", "needs", "should", "must", "all", "as", "ought",
                         "collectively", "shouldn't", "mustn't", "cannot", "urgently"})
#: "I think hospitals...": an opinion about the world, not a disclosure.
_OPINION = frozenset({"think", "thought", "reckon", "believe", "believed", "guess", "suppose",
                      "read", "heard", "hear", "wonder", "wondered", "agree", "disagree",
                      "bet", "recommend", "mean", "suspect", "doubt", "noticed", "predict",
                      "expect", "argue", "argued", "wrote", "write", "say", "said", "hope",
                      "wish", "know", "knew", "understand", "learned", "learnt", "saw", "watched", "covered", "reviewed", "interviewed",
                      "discuss", "discussed", "explain", "explained", "talk", "talked",
                      "spoke", "presented", "published", "posted", "shared", "asked",
                      "researched", "studied", "study", "research", "teach", "taught"})
#: "World War I", "Type I diabetes", "stage I cancer": a Roman numeral, not a person.
_ROMAN_PREV = frozenset({"war", "part", "chapter", "phase", "type", "vol", "volume", "act",
                         "season", "series", "level", "tier", "class", "grade", "stage",
                         "henry", "elizabeth", "charles", "james", "george", "edward", "mark",
                         "section", "article", "schedule", "appendix", "book", "world",
                         "richard", "william", "mary", "louis", "pope", "king", "queen",
                         "john", "paul", "figure", "table"})
#: Dropped subject: "Been in A&E all night", "Off sick again", "Feeling rough".
_PRO_DROP = frozenset({"been", "feeling", "felt", "spent", "finally", "currently", "still",
                       "stuck", "heading", "off", "got", "gotta", "had", "having", "can't",
                       "cant", "needed", "woke", "waking", "went", "gonna", "wanna", "sat",
                       "sitting", "lying", "laying", "just", "tried", "trying", "cried",
                       "drank", "feel", "wish", "hoping", "couldn't", "relapsed", "smoked",
                       "vaped", "puked", "slept", "missed", "forgot", "texted", "told",
                       "ended", "booked", "landed", "arrived", "quit", "quitting", "skipped",
                       "fell", "collapsed", "fainted", "passed", "leaving", "signed",
                       "found", "spending", "moved", "applied", "interview",
                       "flying"})
#: "So drunk", "Proper skint": an intensifier opening a clause frames the state word after it.
_INTENSIFIERS = frozenset({"so", "soo", "sooo", "too", "proper", "absolutely", "totally",
                           "completely", "well", "very", "really", "still", "bit", "kinda",
                           "literally", "properly", "mega", "super", "slightly", "feeling",
                           "feel", "bloody", "fully", "utterly", "this", "getting", "always"})
#: State words an opening intensifier frames ("so hospitals are..." must not be framed).
_STATES = frozenset({"drunk", "high", "stoned", "wasted", "tipsy", "hammered", "horny", "lonely",
                     "depressed", "anxious", "numb", "broke", "skint", "sick", "ill", "poorly",
                     "unwell", "hungover", "pissed", "smashed", "miserable", "heartbroken",
                     "devastated", "overwhelmed", "stressed", "hopeless", "worthless",
                     "pregnant", "single", "sober", "legless", "trollied", "plastered",
                     "nauseous", "feverish", "brassic", "overdrawn", "overworked", "underpaid",
                     "burnt out", "burned out", "kinky", "queer", "isolated", "stressed out",
                     "tearful", "crying", "sobbing", "panicking", "struggling"})
#: Words after which the next word starts a new clause, for dropped subjects and intensifiers.
_CLAUSE_OPENERS = frozenset({"and", "but", "then", "ugh", "honestly", "tbh", "omg", "ngl", "lol",
                             "lmao", "oh", "god", "jeez", "tho", "though", "now", "today",
                             "tonight", "also", "yeah", "yes", "nope", "welp", "well"})
_PRO_DROP_CHECK_NEXT = frozenset({"just", "found", "passed", "signed", "landed", "arrived"})
_PRO_DROP_NOT_AFTER = frozenset({"in", "announced", "released", "published", "launched", "out",
                                 "dropped", "added", "listed", "opened", "reopened",
                                 "updated", "about", "like", "as", "many", "much", "far", "that",
                                 "what", "how", "when", "who", "which", "why", "called",
                                 "because", "if", "is", "are", "was", "were", "it", "its",
                                 "this", "these", "those", "to", "of", "for", "by"})

#: What follows a cue that opens a diary-style sentence: "Therapy Tuesday", "Wine o'clock".
_DIARY_NEXT = frozenset({"today", "tonight", "tomorrow", "yesterday", "again", "since", "this",
                         "last", "all", "done", "over", "booked", "sorted", "confirmed", "day",
                         "time", "era", "mode", "life", "update", "incoming", "later", "round",
                         "then", "till", "until", "til", "now", "already", "finally", "soon",
                         "tbh", "lol", "ugh", "x", "from", "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday", "sunday", "tmrw", "tmw", "morning",
                         "night", "poured", "o'clock", "vibes", "session", "pending", "went",
                         "was", "starts", "started", "ends", "ended",
                         "first", "number", "no"})

#: Business voice: a company's "we" is not a person's (see the module notes).
_BUSINESS_SOURCE = (
    r"(?<![\w@])(?:"
    r"(?:we['’]re|we are|we['’]ve|we have|now|currently|we['’]re now|we are now) (?:hiring"
    r"|recruiting|open|closed|reopening|launching|offering|seeing|excited|thrilled|delighted"
    r"|pleased|proud|happy to (?:announce|welcome|share|help|offer)|looking for (?:a|an|new"
    r"|talented|volunteers|someone)|asking|urging|reminding|encouraging|taking (?:bookings"
    r"|orders)|accepting)"
    r"|join (?:us|our (?:team|webinar|event|community|mailing|newsletter|waitlist))"
    r"|our (?:menu|team|customers|clients|store|stores|shop|shops|website|site|app|services?"
    r"|products?|range|latest|guide|guides|webinar|blog|report|clinic|bar|restaurant|kitchen"
    r"|staff|partners|partnership|happy hour|opening hours|offices?|company|mission|users"
    r"|members|patients|students|community|audience|listeners|readers|subscribers|guests"
    r"|venue|doors|brand|hotel|rooms|chefs|experts|annual|online|flagship|donors|supporters"
    r"|volunteers|charity|pupils|ward|wards|teams|specialists|nurses|doctors|branch|branches"
    r"|organisation|organization|platform|podcast|newsletter|research|programme|program"
    r"|events?|sale|offers?|prices|packages|deals|founders?|ceo|board|investors|portfolio"
    r"|q\d|quarterly|results|revenue|customers['’]|stockists|suppliers)\b"
    r"|(?:book|order|shop|buy|register|sign up|apply|subscribe|donate|rsvp|reserve)"
    r" (?:now|online|today|here|by|at|via|before|your|a table|an appointment)\b"
    r"|(?:visit|contact|follow|call|email|dm|message|find|ask) us\b"
    r"|(?:book|hire|reserve|rent) (?:our|us)\b|packages? from|let us know|(?:from )?all of us at"
    r"|the team at|our(?:\s{1,3}\S{1,30}){0,3}\s{1,3}(?:store|shop|branch|restaurant|café|cafe"
    r"|clinic|bar"
    r"|taproom|brewery|distillery|bakery|salon|studio|gallery|library|lobby|practice|firm"
    r"|agency|workshop|webinar|seminar|menu|pharmacists?"
    r"|hygienists?|beers?|wines|cocktails|producer|editor|bartenders?|chefs?|crew|team|staff"
    r"|colleagues|members|customers|clients|partners|volunteers)s?\b"
    r"|link in (?:bio|our bio)"
    r"|(?:thrilled|excited|proud|pleased|delighted|happy) to (?:announce|welcome|share|launch"
    r"|partner|introduce|unveil|be working|support)"
    r"|we (?:offer|provide|deliver|serve|specialise|specialize|recommend|advise|encourage|urge"
    r"|remind|ask|stock|sell|cater|welcome all)\b"
    r"|\d{1,3}% off|discount code|t&cs apply|terms apply|limited time|while stocks last"
    r"|free delivery|free entry|tickets (?:available|on sale)|doors open|last orders)"
)

_WINDOW = 6
_TOKEN = re.compile(r"[^\W_]+(?:['’&\-/][^\W_]+)*")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # split keeps the tokens: gap, token, ...
_BOUNDARY = re.compile(r"[.!?;…]+(?=\s|$)|\n")
_GAP = r"(?:[^\S\n]{1,3}|-)"


def _expand(fragment: str) -> str:
    """Turn a lexicon fragment into regex source (placeholders, apostrophes, gaps)."""
    if "<" in fragment:
        for name, source in _PLACEHOLDERS:
            fragment = fragment.replace(name, source)
    # Protect the two apostrophes the placeholders introduced inside a character class.
    fragment = fragment.replace("['’]", "\x00")
    fragment = fragment.replace("'", "['’]?").replace("\x00", "['’]")
    return fragment.replace(" ", _GAP)


# --------------------------------------------------------------------------------------------
# Matching. The lexicons mean one case-insensitive alternation per category, scanned with
# finditer, but `re` takes ~0.4 s to compile those and then tries every alternative at every
# word. So each fragment is indexed by the words it can start with, listed from its notation
# ("<MY> (?:meds|...)" by "my", "hospital(?:s|ised)?" by "hospital", "hospitals"...), and is
# compiled on its own the first time a post needs it. At each place a cue can start, the
# fragments for the word there are tried category by category in the big alternation's
# order, and the first that matches wins, as in the big regex: the fragments left out cannot
# match there. A fragment is also skipped when the post's next word is not one it allows
# ("I think" never needs "<IAM> (?:high|drunk|...)"). Business voice and veto cues are
# indexed the same way, and patterns run on a case-folded copy of the post without
# IGNORECASE, which halves their compile time. Every shortcut only leaves out what cannot
# match, so the results are those of the big regexes (checked against them on the starter
# corpus and on generated posts).
# Per post, the costs that remain are Python's, so the words and their offsets come from one
# re.split, the index picks out its words at C speed, the run after a word is read off the
# next word when no letter lies between them, business voice and the tokens are worked out
# only for posts with a match (about a third), and only framing words are looked at in
# context. Each was compared with the slower way it replaces (tests/test_evidence.py).
# --------------------------------------------------------------------------------------------

#: Where a cue can start (as in the big regex), and the run of letters there: the index key
#: ("" where a digit or currency sign starts it).
_CUE_START = re.compile(r"(?<![\w@])(?=[\w£$€₹])[^\W\d_]*")
_CUE_SPLIT = re.compile(f"({_CUE_START.pattern})")  # split keeps the words: gap, word, ...
_RUN = re.compile(r"[^\W\d_]+")
#: Gaps between words (" ", ", ", "'"...) and whether they have a letter in them: they recur,
#: so short ones are remembered, up to a bound.
_GAP_HAS_LETTER: dict[str, bool] = {}
_SHORT_GAP, _GAPS_KEPT = 16, 4096


def _has_letter(gap: str) -> bool:
    """Whether ``gap`` holds a run of _RUN (remembered for short gaps)."""
    known = _GAP_HAS_LETTER.get(gap)
    if known is None:
        known = _RUN.search(gap) is not None
        if len(gap) <= _SHORT_GAP and len(_GAP_HAS_LETTER) < _GAPS_KEPT:
            _GAP_HAS_LETTER[gap] = known
    return known


_WORD_START = re.compile(r"(?<!\w)[^\W\d_]+")  # where a veto's cue can start
# Not inside a word or handle, nor after a negating prefix ("non-smoker", "same-sex"), but
# "post-surgery" and "pre-op" count; a following hyphen ("high-school") blocks.
_CUE_PREFIX = r"(?=[\w£$€₹])(?<![\w@])(?<!non-)(?<!same-)(?<!anti-)(?<!opposite-)(?:"
_CUE_SUFFIX = r")(?!\w)(?!-\w)"
#: Characters IGNORECASE matches to a letter although str.lower() does not give that letter.
_FOLD = {ord("İ"): "i", ord("ı"): "i", ord("ſ"): "s"}


def _casefold(text: str) -> str:
    """``text`` with each character replaced by the one IGNORECASE compares it as.

    Lower-casing keeps lengths and word/digit/blank classes; "İ" (whose lower case is two
    characters), the dotless "ı" and the long "ſ" are mapped first, as IGNORECASE matches them
    to "i", "i" and "s". So a lower-case pattern without IGNORECASE matches the folded post
    exactly where it matches the post with it, at the same offsets, and compiles twice as fast.
    """
    if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text):
        return text.lower()
    return text.translate(_FOLD).lower()


# Listing the words a fragment can start with: a small reader for the lexicon notation.
#: Atoms: groups of plain words, placeholders, escapes, classes, group openers, repeats, runs
#: of letters (that no quantifier splits), any other character.
_NOTATION = re.compile(r"\(\?:[^\W\d_]+(?:\|[^\W\d_]+)*\)|<[A-Z]+>|\\.|\[(?:\\.|[^\]\\])*\]"
                       r"|\(\?(?:<?[!=]|-i:|:)|\{\d*(?:,\d*)?\}|[^\W\d_]+(?![?*+{])|.", re.DOTALL)
_QUANTIFIER = re.compile(r"([?*+]|\{\d*(?:,\d*)?\})\??")
_CLASS_ITEM = re.compile(r"\\.|[^\\]-[^\\]|.", re.DOTALL)
#: What _skip passes over: anything but a group's brackets and (at the top) '|'.
_INERT = re.compile(r"(?:\\.|\[(?:\\.|[^\]\\])*\]|[^\\\[()|])*")
_INERT_NESTED = re.compile(r"(?:\\.|\[(?:\\.|[^\]\\])*\]|[^\\\[()])*")
#: Most fragments open with a plain word, which is then their only first word.
_PLAIN_START = re.compile(r"([^\W\d_]+)(?:$|[ &/,:%-](?![?*+{]))")
_PLAIN_ALTERNATIVE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*(?=[|)]|$)")
_WILD_RUN = re.compile(r"[^ *]*\*[^ ]*")
_ANY_RUNS = re.compile(r"[^ ]+")
_OPENERS = frozenset({"(", "(?:", "(?-i:"})
_LOOKAROUNDS = frozenset({"(?=", "(?!", "(?<=", "(?<!"})
_MAX_BEGINNINGS = 1024


class _Heads(NamedTuple):
    """How a pattern can begin, as words: the letter runs it consumes, with one blank for each
    stretch of non-letters between them ("i m", " off"), "*" for a run of any letters.
    ``ended`` holds beginnings that have the wanted number of runs and a non-letter after the
    last; ``open`` the others, which later atoms may extend."""

    ended: frozenset[str]
    open: frozenset[str]


_START = _Heads(frozenset(), frozenset({""}))  # nothing consumed; also any zero-width atom
_NON_LETTER = _Heads(frozenset(), frozenset({" "}))  # a blank, digit, sign...
_MAYBE_NON_LETTER = _Heads(frozenset(), frozenset({"", " "}))  # an optional apostrophe
_ANY_CHAR = _Heads(frozenset(), frozenset({"*", " "}))  # \w, \S, "."...


class _Opaque(Exception):
    """A pattern whose beginnings cannot be listed (too many, or a construct not handled)."""


def _then(heads: _Heads, atom: _Heads, runs: int) -> _Heads:
    """``heads`` followed by ``atom``, cut after ``runs`` letter runs."""
    if not heads.open or atom is _START:
        return heads
    ended = set(heads.ended)
    still_open: set[str] = set()
    for s in heads.open:
        for t in (*atom.open, *atom.ended):
            joined = s + t[1:] if s.endswith(" ") and t.startswith(" ") else s + t
            if "*" in joined:  # a run with any letters in it is just "any run"
                joined = _WILD_RUN.sub("*", joined)
            if joined.count(" ") >= runs:  # enough runs, and a non-letter after the last
                cut = -1
                for _ in range(runs):
                    cut = joined.index(" ", cut + 1)
                ended.add(joined[:cut + 1])
            else:
                still_open.add(joined)
    if len(ended) + len(still_open) > _MAX_BEGINNINGS:
        raise _Opaque
    return _Heads(frozenset(ended), frozenset(still_open))


def _class_heads(token: str) -> _Heads:
    """A character class: each letter it holds, and a non-letter if it holds others."""
    body = token[1:-1]
    if body.startswith("^"):
        return _ANY_CHAR
    chars: set[str] = set()
    for item in _CLASS_ITEM.findall(body):
        if len(item) == 3:  # a range
            first, last = item[0], item[2]
            if first.isascii() and first.isalpha() and last.isascii() and last.isalpha():
                chars.update(chr(c).lower() for c in range(ord(first), ord(last) + 1))
            elif first.isdigit() and last.isdigit():
                chars.add(" ")
            else:
                chars.update(_ANY_CHAR.open)
        elif item[0] == "\\":
            chars.update(_ANY_CHAR.open if item in ("\\w", "\\S", "\\D") else _NON_LETTER.open)
        else:
            chars.update(_char_heads(item).open)
    return _Heads(frozenset(), frozenset(chars))


def _char_heads(char: str) -> _Heads:
    """A literal character: a letter, or a non-letter (but any run for an odd word character
    such as "²", which the post's runs include)."""
    if char.isalpha():
        return _Heads(frozenset(), frozenset({char.lower()}))
    return _ANY_CHAR if _RUN.match(char) else _NON_LETTER


def _repeat(atom: _Heads, lo: int, hi: int | None, runs: int) -> _Heads:
    """``atom{lo,hi}``, with the letters of many-letter atoms ("[a-z]{1,15}") taken as any
    letters unless repeated at most twice (so "iban[a-z]{2}" is still indexed)."""
    if (hi is None or hi > 2) and sum(t.isalpha() for t in atom.open) > 8:
        atom = _Heads(frozenset(_ANY_RUNS.sub("*", t) for t in atom.ended),
                      frozenset(_ANY_RUNS.sub("*", t) for t in atom.open))
    ended: set[str] = set()
    still_open: set[str] = {""} if lo == 0 else set()
    current = _START
    count = 0
    while hi is None or count < hi:
        following = _then(current, atom, runs)
        count += 1
        # Once every beginning has ended (or nothing is consumed) more repetitions change
        # nothing.
        settled = following == current or not following.open
        current = following
        if count >= lo or settled:
            ended |= current.ended
            still_open |= current.open
        if settled:
            break
        if hi is None and count >= 32:
            raise _Opaque
    return _Heads(frozenset(ended), frozenset(still_open))


def _skip(source: str, i: int) -> int:
    """Index of the '|' or ')' that ends the sequence starting at ``i`` (or the end)."""
    depth = 0
    while True:
        inert = (_INERT_NESTED if depth else _INERT).match(source, i)
        assert inert is not None  # it can match nothing
        i = inert.end()
        if i >= len(source):
            return i
        char = source[i]
        if char == "(":
            depth += 1
        elif depth == 0:
            return i  # ')' or '|'
        elif char == ")":
            depth -= 1
        i += 1


def _atom(source: str, i: int, runs: int) -> tuple[_Heads, int]:
    """The atom at ``i`` (without its quantifier) and the index after it."""
    found = _NOTATION.match(source, i)
    assert found is not None  # the last alternative takes any character
    token, i = found.group(), found.end()
    if token.startswith("(?:") and token.endswith(")"):  # (?:one|word|each)
        return _Heads(frozenset(), frozenset(w.lower() for w in token[3:-1].split("|"))), i
    if token in _OPENERS or token in _LOOKAROUNDS:
        inner, i = _alternation(source, i, runs)
        if not source.startswith(")", i):
            raise _Opaque
        return (_START if token in _LOOKAROUNDS else inner), i + 1
    if token in ("<APOS>", " "):
        return _NON_LETTER, i  # an apostrophe; a gap of blanks or a hyphen
    if token == "'":
        return _MAYBE_NON_LETTER, i  # an optional apostrophe
    if token[0] == "<" and len(token) > 2:
        return _placeholder_heads(token, runs), i
    if token[0] == "[" and len(token) > 2:
        return _class_heads(token), i
    if token in ("\\b", "\\B", "^", "$"):
        return _START, i
    if token in ("\\w", "\\S", "\\D", "."):
        return _ANY_CHAR, i
    if token[0] == "\\" and (token in ("\\d", "\\s", "\\W", "\\n", "\\t")
                             or not token[1].isalnum()):
        return _NON_LETTER, i
    if token.isalpha():
        return _Heads(frozenset(), frozenset({token.lower()})), i
    if len(token) == 1 and token not in "\\?*+{":
        return _char_heads(token), i
    raise _Opaque  # a back-reference, a stray quantifier, letters mixed with digits...


def _sequence(source: str, i: int, runs: int) -> tuple[_Heads, int]:
    """The atoms from ``i`` up to the next top-level '|' or ')'."""
    plain = _PLAIN_ALTERNATIVE.match(source, i)
    if plain:  # words and blanks only, as most alternatives are: "in a dark place"
        words = _Heads(frozenset(), frozenset({plain.group().lower()}))
        return _then(_START, words, runs), plain.end()
    heads = _START
    while i < len(source) and source[i] not in "|)":
        if not heads.open:  # every beginning has ended: the rest does not matter
            return heads, _skip(source, i)
        # How many runs of the next atom can matter: ``runs`` less those a beginning already
        # has, plus one if it ends with a non-letter, which an atom starting with one joins
        # ("we " and " ve been" make "we ve been").
        need = max(runs - s.count(" ") + s.endswith(" ") for s in heads.open)
        atom, i = _atom(source, i, need)
        quantifier = _QUANTIFIER.match(source, i)
        if quantifier:
            i = quantifier.end()  # a lazy '?' after it changes the order, not the matches
            q = quantifier.group(1)
            if q in ("?", "*", "+"):
                lo, hi = (0 if q != "+" else 1), (1 if q == "?" else None)
            else:
                low, comma, high = q[1:-1].partition(",")
                lo = int(low or 0)
                hi = (int(high) if high else None) if comma else lo
            atom = _repeat(atom, lo, hi, need)
        heads = _then(heads, atom, runs)
    return heads, i


def _alternation(source: str, i: int, runs: int) -> tuple[_Heads, int]:
    """``a|b|...`` from ``i`` up to the ')' that closes it (or the end)."""
    heads, i = _sequence(source, i, runs)
    while source.startswith("|", i):
        more, i = _sequence(source, i + 1, runs)
        heads = _Heads(heads.ended | more.ended, heads.open | more.open)
    return heads, i


@functools.cache
def _placeholder_heads(name: str, runs: int) -> _Heads:
    source = dict(_PLACEHOLDERS).get(name)
    if source is None:
        raise _Opaque
    heads, end = _alternation(source, 0, runs)
    if end != len(source):
        raise _Opaque
    return heads


def _beginnings(fragment: str, runs: int) -> list[list[str]] | None:
    """The first ``runs`` letter runs (folded) a match of ``fragment`` can begin with, "*" for
    any run, or None if they cannot be listed. A shorter list means the match can end there.

    A run ends where the fragment must match a non-letter or ends, so it is the same run the
    post has there. Look-arounds are skipped, which can only add beginnings: a fragment may be
    tried and fail, but is never left out where it would match.
    """
    try:
        heads, end = _alternation(fragment, 0, runs)
    except _Opaque:
        return None
    if end != len(fragment) or "" in heads.open:
        return None  # unbalanced, or could match without consuming anything
    return [[run for n, run in enumerate(s.split(" ")) if run or n == 0]
            for s in heads.ended | heads.open]


def _first_words(fragment: str) -> frozenset[str] | None:
    """The words a match of ``fragment`` can start with ("" for a digit or sign), or None."""
    plain = _PLAIN_START.match(fragment)
    if plain and _skip(fragment, 0) == len(fragment):  # no '|' at the top: "eid|diwali"
        return frozenset({plain.group(1).lower()})
    beginnings = _beginnings(fragment, 1)
    if beginnings is None or any(b[0] == "*" for b in beginnings):
        return None
    return frozenset(b[0] for b in beginnings)


def _followers(fragment: str) -> dict[str, frozenset[str]]:
    """First word -> the runs that can come next in a match of ``fragment``. First words
    after which a match may end, or be followed by any run, are left out (as is everything
    when the runs cannot be listed)."""
    beginnings = _beginnings(fragment, 2)
    if beginnings is None:
        return {}
    following: dict[str, set[str]] = {}
    free: set[str] = set()
    for runs in beginnings:
        if len(runs) < 2 or runs[1] == "*":
            free.add(runs[0])
        else:
            following.setdefault(runs[0], set()).add(runs[1])
    return {word: frozenset(after) for word, after in following.items() if word not in free}


class _Rule:
    """One regex fragment, compiled on first use (a post needs a few dozen at most)."""

    __slots__ = ("category", "number", "kind", "fragment", "source", "folded", "pattern",
                 "followers")

    def __init__(self, category: str, number: int, kind: str, fragment: str,
                 source: str) -> None:
        self.category = category
        self.number = number  # position in CATEGORIES
        self.kind = kind
        self.fragment = fragment  # as written
        self.source = source  # as compiled
        # Matched in the folded post without IGNORECASE (see _casefold), unless part of it is
        # case-sensitive ("(?-i:ER)").
        self.folded = "(?-i:" not in source
        self.pattern: re.Pattern[str] | None = None
        self.followers: dict[str, frozenset[str]] | None = None  # see _Word

    def compile(self, prefix: str = _CUE_PREFIX, suffix: str = _CUE_SUFFIX) -> re.Pattern[str]:
        self.pattern = re.compile(prefix + self.source + suffix,
                                  0 if self.folded else re.IGNORECASE)
        return self.pattern


class _Word:
    """The rules that can start with one word, sorted out by the run that follows the word in
    the post (on first use): "I think" never needs "<IAM> (?:high|drunk|...)", so that big
    regex is neither compiled nor tried for it."""

    __slots__ = ("word", "rules", "by_next", "otherwise")

    def __init__(self, word: str, rules: tuple[_Rule, ...]) -> None:
        self.word = word
        self.rules = rules  # in matching order
        self.by_next: dict[str, tuple[_Rule, ...]] | None = None  # next run -> rules
        self.otherwise: tuple[_Rule, ...] = rules  # rules for any other next run, or none

    def sort_out(self) -> dict[str, tuple[_Rule, ...]]:
        allowed: list[frozenset[str] | None] = []  # per rule: the next runs, None for any
        for rule in self.rules:
            if rule.followers is None:
                rule.followers = _followers(rule.fragment)
            allowed.append(rule.followers.get(self.word))
        nexts = set().union(*(a for a in allowed if a is not None))
        self.otherwise = tuple(r for r, a in zip(self.rules, allowed) if a is None)
        self.by_next = {n: tuple(r for r, a in zip(self.rules, allowed) if a is None or n in a)
                        for n in nexts}
        return self.by_next


class _Index(NamedTuple):
    by_word: dict[str, _Word]  # folded first word -> its rules
    anywhere: _Word | None  # rules that may start with any word, if there are some


@functools.cache
def _index() -> _Index:
    """Index every lexicon fragment by the words it can start with (once, on first use).

    A word's rules keep the order of the big alternations: category by category, and within
    one, kind by kind and longest fragment first (Python takes the first alternative that
    fits, not the longest).
    """
    by_word: dict[str, list[_Rule]] = {}
    anywhere: list[_Rule] = []
    order: dict[int, int] = {}  # id(rule) -> position in the overall order
    for number, category in enumerate(CATEGORIES):
        lexicon = _LEXICONS[category]
        for kind in _KIND_ORDER:
            expanded = sorted(((_expand(f), f) for f in lexicon.get(kind, ())),
                              key=lambda pair: len(pair[0]), reverse=True)
            for source, fragment in expanded:
                rule = _Rule(category, number, kind, fragment, source)
                order[id(rule)] = len(order)
                first = _first_words(fragment)
                if first is None:
                    anywhere.append(rule)
                else:
                    for word in first:
                        by_word.setdefault(word, []).append(rule)
    if anywhere:  # rules that may start with any word join every word's list, in order
        for rules in by_word.values():
            rules.extend(anywhere)
            rules.sort(key=lambda rule: order[id(rule)])
    return _Index({word: _Word(word, tuple(rules)) for word, rules in by_word.items()},
                  _Word("*", tuple(anywhere)) if anywhere else None)


_BUSINESS_HEAD = r"(?<![\w@])(?:"


class _BusinessIndex(NamedTuple):
    by_word: dict[str, tuple[_Rule, ...]]  # alternatives that start with a word or number
    searched: tuple[_Rule, ...]  # alternatives that may start otherwise


#: An alternative opening with a digit (not an optional one) starts where a number does.
_OPENS_WITH_DIGIT = re.compile(r"\\d(?![?*]|\{0)")


@functools.cache
def _business_index() -> _BusinessIndex:
    """_BUSINESS_SOURCE split into its alternatives and indexed by first word like the
    lexicons. Only whether one matches matters, so their order does not.

    One that opens with a digit ("\\d{1,3}% off") goes under "", the word of a place where a
    number starts (after the head's look-behind a digit begins a place, and its letter run is
    empty), so it is tried there instead of searched for through the whole post."""
    assert _BUSINESS_SOURCE.startswith(_BUSINESS_HEAD) and _BUSINESS_SOURCE.endswith(")")
    inner = _BUSINESS_SOURCE[len(_BUSINESS_HEAD):-1]
    by_word: dict[str, list[_Rule]] = {}
    searched: list[_Rule] = []
    i = 0
    while i <= len(inner):
        end = _skip(inner, i)
        rule = _Rule("", -1, "", inner[i:end], inner[i:end])
        first = _first_words(rule.source)
        if _OPENS_WITH_DIGIT.match(rule.source):
            by_word.setdefault("", []).append(rule)
        elif first is None or "" in first:
            searched.append(rule)
        else:
            for word in first:
                by_word.setdefault(word, []).append(rule)
        i = end + 1
    return _BusinessIndex({w: tuple(rules) for w, rules in by_word.items()}, tuple(searched))


def _is_business(folded: str, places: list[tuple[int, str]]) -> bool:
    """Whether the post is in business voice (_BUSINESS_SOURCE matches the folded post)."""
    by_word, searched = _business_index()
    for at, word in places:
        for rule in by_word.get(word, ()):
            if (rule.pattern or rule.compile(_BUSINESS_HEAD, ")")).match(folded, at):
                return True
    return any((rule.pattern or rule.compile(_BUSINESS_HEAD, ")")).search(folded)
               for rule in searched)


class _Veto:
    """One row of _VETOES, its cue compiled when a probe first has one of its words."""

    __slots__ = ("cue", "where", "context", "pattern")

    def __init__(self, cue: str, where: str, context: str) -> None:
        self.cue = cue
        self.where = where
        self.context = context  # regex source, compiled by _context when needed
        self.pattern: re.Pattern[str] | None = None

    def applies_to(self, probe: str) -> bool:
        """Whether the cue is in ``probe`` (the rule kind, a blank and the cue's text)."""
        if self.pattern is None:
            self.pattern = re.compile(rf"(?<!\w)(?:{self.cue})(?!\w)",
                                      0 if self.cue in {"HR", "Labour"} else re.IGNORECASE)
        return self.pattern.search(probe) is not None


@functools.cache
def _vetoes(category: str) -> tuple[dict[str, tuple[_Veto, ...]], tuple[_Veto, ...]]:
    """The category's _VETOES indexed by the words their cues can start with (as the lexicon
    fragments are), and those that cannot be indexed."""
    by_word: dict[str, list[_Veto]] = {}
    unindexed: list[_Veto] = []
    for c, cue, where, context in _VETOES:
        if c == category:
            veto = _Veto(cue, where, context)
            first = _first_words(cue)
            if first is None or "" in first:
                unindexed.append(veto)
            else:
                for word in first:
                    by_word.setdefault(word, []).append(veto)
    return {w: tuple(vetoes) for w, vetoes in by_word.items()}, tuple(unindexed)


@functools.lru_cache(maxsize=4096)
def _vetoes_for(category: str, probe: str) -> tuple[_Veto, ...]:
    """The category's vetoes whose cue is in ``probe``, in table order. They depend on the
    probe alone (the rule kind and the cue's text), and the same cues recur from post to post,
    so they are remembered; only the context checks look at the post."""
    by_word, unindexed = _vetoes(category)
    candidates = {veto: None for m in _WORD_START.finditer(_casefold(probe))
                  for veto in by_word.get(m.group(), ())}
    return tuple(veto for veto in (*candidates, *unindexed) if veto.applies_to(probe))


@functools.cache
def _context(where: str, context: str) -> re.Pattern[str]:
    """A veto's context regex; 'before' looks at the end of the preceding text."""
    if where == "before":
        source = rf"(?:^|[^\w'’])(?:{context})[\s,-]*$"
    elif where == "after":
        source = rf"[^\S\n]{{0,3}},?[^\S\n]{{0,3}}(?:{context})(?!\w)"
    else:
        source = rf"(?:{context})"
    return re.compile(source, re.IGNORECASE)


_SLICE = 48


class _Tokens(NamedTuple):
    starts: list[int]
    ends: list[int]
    words: list[str]
    sentence: list[int]
    marker: list[bool]      # this token frames cues in its window
    intensifier: list[bool]  # this token frames a state word right after it ("so drunk")
    questions: frozenset[int]  # sentence numbers of questions


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


#: The only words _tokens can flag: the rest need no look at their neighbours.
_FRAMING_WORDS = (_SINGULAR | _PLURAL | _THE_KIN | _PRO_DROP | _INTENSIFIERS | _KIN
                  | {kin + "'s" for kin in _KIN})


def _tokens(text: str, business: bool, folded: str) -> _Tokens:
    """Tokens with sentence numbers and flags saying which ones frame nearby cues.

    The tokens' offsets are summed from the lengths of the pieces ``re.split`` leaves
    (gap, token, gap, ..., gap), which is quicker than a match object per token. ``folded``
    is ``_casefold(text)``: an ASCII post's words are its folded tokens as they stand
    (lower-casing ASCII maps letters to letters one for one, and it has no ’). Only words in
    _FRAMING_WORDS are looked at in context; the others flag nothing.
    """
    ascii_only = text.isascii()
    pieces = _TOKEN_SPLIT.split(folded if ascii_only else text)
    offsets = list(accumulate(map(len, pieces)))
    starts, ends = offsets[:-1:2], offsets[1::2]
    words = pieces[1::2] if ascii_only else [_norm(surface) for surface in pieces[1::2]]
    boundaries: list[int] = []
    questions: set[int] = set()
    for m in _BOUNDARY.finditer(text):
        if "?" in m.group():
            questions.add(len(boundaries))
        boundaries.append(m.start())
    n = len(words)
    sentence = (list(map(functools.partial(bisect_right, boundaries), starts)) if boundaries
                else [0] * n)
    shouting = text.isupper()
    marker = [False] * n
    intensifier = [False] * n
    for i in compress(range(n), map(_FRAMING_WORDS.__contains__, words)):
        word = words[i]
        same_prev = i > 0 and sentence[i - 1] == sentence[i]
        prev = words[i - 1] if same_prev else ""
        nxt = words[i + 1] if i + 1 < n and sentence[i + 1] == sentence[i] else ""
        base = word[:-2] if word.endswith("'s") else word
        if word in _SINGULAR:
            if word in {"i", "i'd", "i'll"} and nxt in _OPINION:
                continue
            if word == "i" and nxt in {"love", "like", "hate"} and i + 2 < n and words[
                    i + 2] in {"how", "that", "when", "it"}:
                continue  # "I love how brands...": an opinion
            if word == "i" and prev in _ROMAN_PREV:
                continue
            if word == "me" and text[starts[i]:ends[i]] == "ME" and not shouting:
                continue  # ME, the illness
            if word == "my" and nxt in _PROFESSIONAL:
                continue
            marker[i] = True
            continue
        if word in _PLURAL:
            if business or (word == "us" and text[starts[i]:ends[i]] == "US"
                            and not shouting):
                continue
            if word in {"our", "ours"} and (nxt in _PROFESSIONAL or nxt in _CIVIC
                                            or nxt in _OUR_PROFESSIONAL):
                continue
            if word in {"we", "we're"} and nxt in _WE_GENERIC:
                continue
            marker[i] = True
            continue
        prev2 = words[i - 2] if i > 1 and sentence[i - 2] == sentence[i] else ""
        if base in _KIN and prev not in _DETERMINERS and not prev.endswith("'s") and not (
                prev in {"or", "and", "&", "own", "old", "poor", "dear"}
                and (prev2 in _DETERMINERS or prev2.endswith("'s")
                     or (prev2 in _KIN and not marker[i - 2]))):
            marker[i] = True
            continue
        if prev == "the" and word in _THE_KIN and not business:
            marker[i] = True
            continue
        if business or sentence[i] in questions:
            continue
        # A clause opening with a verb or an intensifier usually has "I" dropped:
        # "Been in A&E all night", "..., ended up in tears", "So drunk".
        clause_start = (not same_prev or prev in _CLAUSE_OPENERS
                        or "," in text[ends[i - 1]:starts[i]])
        if clause_start and word in _PRO_DROP and not (
                word in _PRO_DROP_CHECK_NEXT and nxt in _PRO_DROP_NOT_AFTER):
            marker[i] = True
        elif clause_start and word in _INTENSIFIERS:
            intensifier[i] = True
    return _Tokens(starts, ends, words, sentence, marker, intensifier, frozenset(questions))


def _token_range(tokens: _Tokens, start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last token overlapping ``[start, end)``."""
    lo = bisect_right(tokens.ends, start)
    hi = bisect_left(tokens.starts, end) - 1
    if hi < lo:  # no word inside the span; use the nearest token
        lo = hi = min(max(lo, 0), len(tokens.words) - 1)
    return lo, hi


def _window(tokens: _Tokens, lo: int, hi: int) -> range:
    """Token indices within the framing window, clipped to the cue's sentence."""
    first = max(0, lo - _WINDOW)
    last = min(len(tokens.words) - 1, hi + _WINDOW)
    sent = tokens.sentence[lo]
    while first < lo and tokens.sentence[first] != sent:
        first += 1
    sent_hi = tokens.sentence[hi]
    while last > hi and tokens.sentence[last] != sent_hi:
        last -= 1
    return range(first, last + 1)


def _vetoed(category: str, probe: str, text: str, start: int, end: int, tokens: _Tokens,
            lo: int, hi: int) -> bool:
    """True when a near-miss context rules the cue out (see _VETOES)."""
    before = after = near = None
    for veto in _vetoes_for(category, probe):
        context = _context(veto.where, veto.context)
        if veto.where == "before":
            if before is None:
                before = text[max(0, start - _SLICE):start].lower().replace("’", "'")
            if context.search(before):
                return True
        elif veto.where == "after":
            if after is None:
                after = text[end:end + _SLICE].lower().replace("’", "'")
            if context.match(after):
                return True
        else:
            if near is None:  # the words in the cue's window, outside the cue
                near = [tokens.words[j] for j in _window(tokens, lo, hi) if not lo <= j <= hi]
            if any(context.fullmatch(w) for w in near):
                return True
    return False


def _diary_opening(tokens: _Tokens, lo: int, hi: int) -> bool:
    """A sentence that opens with the cue and then only says when: "Migraine since 6am.",
    "Church this Sunday", "Hungover." Headlines go on with a verb ("Hospitals are...")."""
    sent = tokens.sentence[lo]
    if (lo > 0 and tokens.sentence[lo - 1] == sent) or sent in tokens.questions:
        return False
    nxt = hi + 1
    return (nxt >= len(tokens.words) or tokens.sentence[nxt] != sent
            or tokens.words[nxt] in _DIARY_NEXT)


class _Cue(NamedTuple):
    start: int
    end: int
    category: str
    kind: str
    lo: int
    hi: int


def _match_cues(text: str, folded: str) -> tuple[list[_Cue], _Tokens | None, bool]:
    """The lexicon matches that survive the vetoes, category by category, as finditer with
    the big per-category regexes would find them: left to right, not overlapping.

    Where the matches are depends neither on the tokens (a vetoed match still covers its
    span) nor on business voice, so the lexicon is matched first, and business voice is
    decided and the post tokenised only when something matched: most posts match nothing.
    Returns the cues, the tokens (if made) and whether the post is in business voice (False
    when not decided). A post with no tokens has no cues.

    The places come from one ``re.split`` (gap, word, gap, word, ..., gap) rather than a
    match object each: the words are picked out of the index at C speed, offsets are summed
    lengths, and the run after a word is usually the next word, read off without a search.
    """
    by_word, anywhere = _index()
    pieces = _CUE_SPLIT.split(folded)
    words = pieces[1::2]
    if anywhere is None:  # only words in the index are places to try (picked out in C)
        entries: list[_Word | None] = list(map(by_word.get, words))
        hits: Iterable[int] = compress(range(len(words)), entries)
    else:
        entries = [by_word.get(word, anywhere) for word in words]
        hits = range(len(words))
    offsets: list[int] = []  # offsets[2 * k]: where word k starts; offsets[2 * k + 1]: ends
    matched: list[tuple[_Rule, int, int]] = []
    reach = [0] * len(CATEGORIES)  # where each category's last match ended
    # The letter run after a word, found when needed: a word ends where its letters end (an
    # empty word sits after a non-word character), so no run straddles that position. When
    # the gap after the word has no letters, that run is the next word, unless the next word
    # is empty (a digit: the run comes later) or there is none (no run). Otherwise it is
    # searched for; places only move right, so a run found (or the lack of one) is reused
    # until passed: linear.
    after: re.Match[str] | None = None
    searched = False
    last = len(words) - 1
    for k in hits:
        entry = entries[k]
        if entry is None:
            continue
        by_next = entry.by_next
        if by_next is None:
            by_next = entry.sort_out()
        rules = entry.otherwise
        if by_next:
            gap = pieces[2 * k + 2]
            has_letter = _GAP_HAS_LETTER.get(gap)
            if has_letter is None:
                has_letter = _has_letter(gap)
            if not has_letter and (k == last or words[k + 1]):
                if k != last:
                    rules = by_next.get(words[k + 1], rules)
            else:
                if not offsets:
                    offsets = list(accumulate(map(len, pieces)))
                end = offsets[2 * k + 1]
                if not searched or (after is not None and after.start() < end):
                    after = _RUN.search(folded, end)
                    searched = True
                if after is not None:
                    rules = by_next.get(after.group(), rules)
        if not rules:
            continue
        if not offsets:
            offsets = list(accumulate(map(len, pieces)))
        at = offsets[2 * k]
        for rule in rules:
            if at < reach[rule.number]:
                continue  # an earlier match of this category covers it, or one was found here
            m = (rule.pattern or rule.compile()).match(folded if rule.folded else text, at)
            if m is None:
                continue
            start, end = m.span()
            reach[rule.number] = end
            matched.append((rule, start, end))
    if not matched:
        return [], None, False
    business_words = _business_index().by_word
    business = _is_business(folded, [
        (offsets[2 * k], words[k])
        for k in compress(range(len(words)), map(business_words.__contains__, words))])
    tokens = _tokens(text, business, folded)
    if not tokens.words:
        return [], tokens, business
    found: list[list[_Cue]] = [[] for _ in CATEGORIES]
    for rule, start, end in matched:
        lo, hi = _token_range(tokens, start, end)
        if not _vetoed(rule.category, f"{rule.kind} {text[start:end]}", text, start, end,
                       tokens, lo, hi):
            found[rule.number].append(_Cue(start, end, rule.category, rule.kind, lo, hi))
    return [cue for category in found for cue in category], tokens, business


def find_evidence(text: str) -> list[Evidence]:
    """Return the cues in ``text`` that show a personal disclosure, sorted by start.

    Each cue is a span (``text[start:end] == cue.text``) with a category, the rule that found it
    and whether it is framed as being about the author or their circle.

    >>> for e in find_evidence("third night in A&E with my dad, no sleep"):
    ...     print(e.start, e.end, repr(e.text), e.category, e.rule_id, e.framed)
    12 18 'in A&E' whereabouts whereabouts.term True
    15 18 'A&E' health health.term True
    24 30 'my dad' family family.first_person True
    32 40 'no sleep' health health.term True
    >>> [(e.text, e.framed) for e in find_evidence("Hospitals are short of nurses this winter")]
    [('Hospitals', False)]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_evidence expects a str, not {type(text).__name__}")
    cues, tokens, business = _match_cues(text, _casefold(text))
    if tokens is None or not cues:
        return []

    # Pass 1: phrases that are disclosures by themselves. In business voice they must carry
    # their own "I"/"my" to count ("our kids eat free" is a menu, "I'm pregnant" is not).
    marker = list(tokens.marker)
    inherent: set[int] = set()
    for n, cue in enumerate(cues):
        if cue.kind in _INHERENT and not (business and not any(
                tokens.marker[j] and tokens.words[j] in _SINGULAR
                for j in range(cue.lo, cue.hi + 1))):
            inherent.add(n)
    # A self-disclosure frames its neighbours: "gate 14, boarding in 20, at the airport".
    for n in inherent:
        for j in range(cues[n].lo, cues[n].hi + 1):
            marker[j] = True

    # Pass 2: everything else needs a marker in its window, or an opening intensifier
    # right before a state word ("So drunk").
    found: list[Evidence] = []
    for n, cue in enumerate(cues):
        surface = text[cue.start:cue.end]
        if n in inherent:
            framed = True
        else:
            framed = (any(marker[j] for j in _window(tokens, cue.lo, cue.hi))
                      or (cue.lo > 0 and tokens.intensifier[cue.lo - 1]
                          and tokens.sentence[cue.lo - 1] == tokens.sentence[cue.lo]
                          and _norm(surface) in _STATES)
                      or (not business and _diary_opening(tokens, cue.lo, cue.hi)))
        found.append(Evidence(cue.start, cue.end, surface, cue.category,
                              f"{cue.category}.{cue.kind}", framed))
    found.sort(key=lambda e: (e.start, e.end, CATEGORIES.index(e.category)))
    return found
