"""The cleaner's lexicon: the words and phrases of page junk (teaser sections, boilerplate lines, photo
credits, bylines, prompts, adverts) and of glued-word repair. Read by :mod:`graphbuild.ingest.cleaner`."""

from __future__ import annotations

import re

from graphbuild.dates import MONTHS, WEEKDAYS

# Whole lines (trailing ':' or '.' ignored) that open a teaser section: they and everything after
# them are dropped. "More from <Name>" needs a capitalised name, so "More in common" stays a heading.
_MORE_FROM = r"(?i:more (?:from|on|in|by|about))\s+(?:(?i:the|our)\s+)?[A-Z0-9][\w'’&.-]*(?:\s+[A-Z0-9&][\w'’&.-]*)*"
SECTION_MARKERS = re.compile(
    _MORE_FROM + r"|(?i:more on this (?:story|topic)|more (?:stories|news|coverage|like this|to explore)"
    r"|related(?: (?:articles?|stories|coverage|content|news|links|reading|topics))?"
    r"|read (?:more|next|also)|also read|see also|what to read next|up next|recommended(?: .{0,30})?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|don't miss"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|popular now"
    r"|latest (?:news|stories)|editor'?s picks|around the web|from (?:our|the) partners?.{0,30}"
    r"|(?:sponsored|promoted|partner) (?:stories|content|links))",
)
# Whole boilerplate lines that are dropped alone.
BOILERPLATE_LINES = frozenset(
    (
        "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "paid content",
        "partner content", "promoted", "share", "share this", "share this article", "share on facebook",
        "share on twitter", "tweet", "email", "print", "copy link", "link copied", "listen",
        "listen to this article", "skip to content", "skip advertisement", "continue reading", "comments",
        "show comments", "hide caption", "toggle caption", "enlarge this image", "image", "video", "watch",
        "close", "menu", "subscribe", "sign in", "log in", "register", "follow us", "loading", "play video",
        "story continues below advertisement", "article continues below", "scroll to continue reading",
    )
)
# A teaser link line: "Read more: <headline>", "Related: <headline>".
TEASER_LINK = re.compile(r"^(?:read more|read also|also read|related|see also|watch|listen)\s*[:|»›>-]\s*\S",
                         re.IGNORECASE)

AGENCIES = (
    r"REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|Xinhua|XINHUA|TASS|Sputnik|SPUTNIK|Getty Images|Getty|Bloomberg"
    r"|Anadolu(?: Agency)?|dpa|DPA|PA(?: Wire)?|UPI|Shutterstock|Alamy|AAP|Kyodo|Yonhap|ANI|NurPhoto"
    r"|SOPA Images|LightRocket|Handout|File|File photo|Pool"
)
# Lines that are only a photo credit.
CREDIT_LINES = tuple(
    re.compile(p)
    for p in (
        r"^(?:" + AGENCIES + r")\s*/",  # REUTERS/Kevin Lamarque, AFP/Getty Images
        r"/\s*(?:" + AGENCIES + r")\b",  # Defence Ministry/Handout via REUTERS
        r"\bvia (?:" + AGENCIES + r")\W*$",  # ... via REUTERS
        r"\((?:" + AGENCIES + r")\)\W*$",  # China Russia (Xinhua)
        r"^(?i:photo(?:graph)?s?|image|picture|pictured|credit|photo credit|image credit|illustration)"
        r"\s*(?:by)?\s*[:/]",
        r"\b(?:Getty Images|Shutterstock|Alamy|iStock)\b",
        r"^©|\(c\) \d{4}|\bAll rights reserved\b",
    )
)
# Credits inside a caption line: "(AP Photo/Jane Doe)", a trailing "REUTERS/Jane Doe".
INLINE_CREDITS = (
    re.compile(r"\s*\((?:(?:" + AGENCIES + r")\s+)?(?:Photo|Image|Photograph|Picture)s?(?: credit)?"
               r"\s*[:/][^()\n]{0,80}\)"),
    re.compile(r"(?<=[.!?])\s+(?:(?:" + AGENCIES + r")\s*/\s*[^\n/]{1,50}"
               r"|(?:Photo|Image|Picture)(?: credit)?: [^\n.]{1,60})$"),
)
BYLINE_LINES = tuple(
    re.compile(p)
    for p in (
        r"^(?i:by|written by|words by|story by)\s+[A-Z][\w.'’-]*\s+[A-Z]",  # By Jane Doe (not "By the end")
        r"^(?i:via)\s+\S.{0,40}$",
        r"^(?i:reporting|additional reporting|editing|writing) by\b",
        r"\b(?i:contributed (?:reporting )?to this (?:report|story|article))\W*$",
        r"^(?i:(?:staff|senior|chief)?\s*(?:writer|reporter|correspondent|editor))\W*$",
    )
)
# Words a timestamp / counter / reading-time line may consist of besides numbers.
META_WORDS = frozenset(
    (
        "view", "views", "viewed", "comment", "comments", "share", "shares", "like", "likes", "min",
        "mins", "minute", "minutes", "read", "reads", "hour", "hours", "ago", "am", "pm", "gmt", "utc",
        "est", "edt", "bst", "cet", "published", "updated", "posted", "last", "on", "at",
    )
) | frozenset(MONTHS) | frozenset(WEEKDAYS)
META_TOKEN = re.compile(r"^[\d:.,/+-]*\d[\d:.,/+-]*[a-z]{0,2}$|^\W+$")

# Subscription, donation, notification, registration and log-in prompts.
PROMPTS = re.compile(
    r"\byour (?:support|donation|contribution|subscription) (?:helps|makes|means|allows|keeps|enables)\b"
    r"|\byour donation\b|\bsupport (?:our|independent) (?:journalism|reporting|work)\b|\bsupport us (?:by|today)\b"
    r"|\b(?:make a|please) don(?:ate|ation)|\bdonate (?:now|today|here)\b"
    r"|^(?:sign (?:up|in)|subscribe|log ?in|register|join us|become a (?:member|subscriber))\b"
    r"|\bsign up (?:for|to) (?:our|the|my)\b|\bsubscribe (?:to our|now|today|here)\b"
    r"|\bthank(?:s| you) for (?:registering|subscribing|signing up|reading|your support)"
    r"|\bplease refresh\b|\brefresh (?:the|your) (?:page|browser)\b|\b(?:be|been|are|get) logged (?:in|out)\b"
    r"|\b(?:log|sign) in to\b|\balready (?:a subscriber|have an account|registered)\b"
    r"|\bcreate (?:a|an|your) (?:free )?account\b|\bnotifications (?:from|can be)\b"
    r"|\bbrowser (?:preferences|settings)\b"
    r"|\b(?:enable|turn on|allow) (?:push )?notifications\b|\b(?:enable|disable[ds]?) javascript\b"
    r"|\b(?:accept|use of) cookies\b|\bcookie policy\b|\bprivacy policy\b"
    r"|\bterms (?:of (?:service|use)|and conditions)\b"
    r"|\bour newsletter\b|\bnewsletters?\b.{0,40}\binbox\b|\bdelivered (?:straight )?to your inbox\b"
    r"|\bfollow us on\b|\bdownload (?:our|the) app\b|\bunlock (?:this|full) (?:article|access)\b"
    r"|\bto continue reading\b|\bstay up to date with\b",
    re.IGNORECASE,
)
# A paragraph where the outlet talks about itself: "we", "our" plus journalism words.
SELF_PRONOUNS = frozenset({"we", "our", "us", "we're", "we've", "ours"})
SELF_WORDS = frozenset(
    (
        "journalism", "journalists", "journalist", "reporters", "reporting", "story", "stories", "paywall",
        "paywalls", "donation", "donations", "donate", "support", "subscribers", "subscriber",
        "subscription", "readers", "newsroom", "facts", "independent",
    )
)
# Advertising: a call to action or a sponsorship notice.
ADVERTS = re.compile(
    r"(?:^|[.!?]\s+)(?:learn (?:more|how)|find out (?:more|how)|discover (?:more|how)|shop now|buy now"
    r"|order now|click here|tap here|book now|get started|try it (?:free|now)|see (?:more|offer) at)\b"
    r"|^(?:sponsored|paid for|presented|brought to you) by\b|^in partnership with\b|\bpromo code\b"
    r"|\buse code\b|\bterms apply\b|\b(?:we|may) (?:may )?earn (?:a )?commission\b|\baffiliate links?\b",
    re.IGNORECASE,
)
# Short words that can end a cut line without being cut themselves; other 1-2 letter endings are cut words.
SHORT_WORDS = frozenset(
    ("a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of",
     "on", "or", "so", "to", "up", "us", "we", "ok")
)
# Glued-word repair.
# Words that often start the next sentence or page element: a capitalised one glued to the end of
# a word is most likely a lost space ("PrestonSunday", "JorgensenImage"); other CamelCase is a brand.
GLUE_HEADS_EXTRA = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
       "April", "June", "July", "August", "September", "October", "November", "December", "Image", "Photo",
       "Picture", "Video", "Advertisement", "Read", "Click", "Sign", "Share", "Subscribe", "Related", "Watch",
       "Listen", "Updated", "Published", "Reporting", "Editing", "Source", "Credit", "Copyright"}
)
# Capitalised prefixes of a surname ("MacDonald", "DeSantis"): never split off as a glued word.
SURNAME_PREFIXES = frozenset({"Mac", "Mc", "De", "Di", "Da", "Du", "Del", "Della", "La", "Le", "Van", "Von",
                              "Fitz", "Al", "El", "Ben", "Abu", "Bin", "Ibn", "St", "San", "Santa"})
