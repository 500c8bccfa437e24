"""Word lists used by entity rules and resolution: titles, honorifics, demonyms, place aliases.

Data only. General English and world knowledge, never anything keyed to particular articles.
"""

from __future__ import annotations

# Head words of a post a person can hold. A title phrase must end in (or be) one of these.
TITLE_HEADS = {
    "president", "presidents", "vice-president", "minister", "ministers", "secretary", "chairman",
    "chairwoman", "chairperson", "chair", "chancellor", "premier", "leader", "leaders", "king", "queen",
    "prince", "princess", "emperor", "pope", "general", "gen.", "admiral", "adm.", "colonel", "col.",
    "commander", "chief", "director", "ceo", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "envoy", "governor", "mayor", "senator", "sen.", "representative", "rep.", "congressman",
    "congresswoman", "lawmaker", "mp", "judge", "justice", "prosecutor", "attorney", "official", "head",
    "founder", "co-founder", "owner", "manager", "coach", "captain", "officer", "lieutenant", "lt.",
    "major", "maj.", "sergeant", "sgt.", "marshal", "deputy", "speaker", "counsellor", "counselor",
    "adviser", "advisor", "diplomat", "commissioner", "chairmen", "executive", "treasurer", "editor",
    "dean", "rector", "bishop", "archbishop", "cardinal", "sheikh", "emir", "sultan", "ayatollah",
    "dictator", "monarch", "regent", "superintendent", "inspector", "sheriff", "councillor", "councilor",
    "councilman", "councilwoman", "delegate", "lord", "baroness", "baron", "dame", "sir", "mufti",
    "cleric", "imam", "rabbi", "pastor", "reverend", "rev.", "dr.", "professor", "prof.", "economist",
    "analyst", "researcher", "scientist", "negotiator", "strategist", "partner", "coordinator",
    "administrator", "boss", "principal", "secretary-general", "amir", "president-elect", "commander-in-chief",
    "ambassador-at-large", "vice-chair", "gentleman", "gentlemen", "lady", "correspondent", "fellow",
}
# Heads of posts held over a place: "Senator X of Vermont" serves Vermont, "Professor X of Ohio" only lives there.
TERRITORIAL_TITLE_HEADS = {
    "president", "vice-president", "minister", "secretary", "chancellor", "premier", "leader", "king", "queen",
    "prince", "princess", "emperor", "monarch", "sultan", "emir", "sheikh", "governor", "mayor", "senator",
    "sen.", "representative", "rep.", "congressman", "congresswoman", "lawmaker", "mp", "ambassador", "envoy",
    "speaker", "commissioner", "sheriff", "councillor", "councilor", "councilman", "councilwoman", "delegate",
    "attorney", "prosecutor", "secretary-general", "chief", "head", "archbishop", "bishop", "mufti", "regent",
}
# Titles that make a person's post but name no organisation on their own.
HONORIFICS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord",
    "lady", "gen", "gen.", "general", "adm", "adm.", "admiral", "col", "col.", "colonel", "lt", "lt.",
    "maj", "maj.", "capt", "capt.", "sgt", "sgt.", "rev", "rev.", "sen", "sen.", "rep", "rep.", "gov",
    "gov.", "pres", "pres.", "president", "presidents", "premier", "chancellor", "minister", "secretary",
    "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "mayor", "governor", "senator",
    "ambassador", "judge", "justice", "marshal", "commander", "chairman", "chairwoman", "leader",
    "director", "ceo", "chief", "deputy", "vice", "prime", "foreign", "defense", "defence", "interior",
    "finance", "state", "his", "her", "holiness", "majesty", "excellency", "congressman", "congresswoman",
    "speaker", "officer", "spokesman", "spokeswoman", "the", "former", "late", "then", "acting", "de",
}
# Abbreviated titles spelt out in a person's ``titles``.
TITLE_EXPANSIONS = {
    "gen.": "General", "gen": "General", "adm.": "Admiral", "col.": "Colonel", "lt.": "Lieutenant",
    "maj.": "Major", "capt.": "Captain", "sgt.": "Sergeant", "sen.": "Senator", "rep.": "Representative",
    "gov.": "Governor", "pres.": "President", "dr.": "Dr.", "prof.": "Professor", "rev.": "Reverend",
}
# Words that never form part of a title (stop the title phrase).
TITLE_STOP = {"the", "a", "an", "and", "or", "'s", "’s", "former", "then", "new", "top", "senior", "current",
              "outgoing", "incoming", "late", ",", "his", "her", "its", "their"}
# Role nouns that stand for a person who is named by apposition: "his counterpart, Dong Zhuo".
ROLE_NOUNS = TITLE_HEADS | {"counterpart", "counterparts", "host", "guest", "successor", "predecessor",
                            "rival", "ally", "friend", "wife", "husband", "son", "daughter", "colleague"}

# Demonyms and country adjectives to the country they name.
DEMONYMS = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "angolan": "Angola", "argentine": "Argentina", "argentinian": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan", "bahraini": "Bahrain",
    "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium", "bolivian": "Bolivia",
    "bosnian": "Bosnia and Herzegovina", "brazilian": "Brazil", "british": "United Kingdom",
    "bulgarian": "Bulgaria", "burmese": "Myanmar", "cambodian": "Cambodia", "cameroonian": "Cameroon",
    "canadian": "Canada", "chilean": "Chile", "chinese": "China", "colombian": "Colombia",
    "congolese": "Democratic Republic of the Congo", "croatian": "Croatia", "cuban": "Cuba",
    "cypriot": "Cyprus", "czech": "Czech Republic", "danish": "Denmark", "dutch": "Netherlands",
    "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates", "english": "England",
    "eritrean": "Eritrea", "estonian": "Estonia", "ethiopian": "Ethiopia", "european": "European Union",
    "filipino": "Philippines",
    "philippine": "Philippines", "south sudanese": "South Sudan", "finnish": "Finland", "french": "France",
    "georgian": "Georgia",
    "german": "Germany", "ghanaian": "Ghana", "greek": "Greece", "guatemalan": "Guatemala",
    "haitian": "Haiti", "honduran": "Honduras", "hungarian": "Hungary", "icelandic": "Iceland",
    "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland",
    "israeli": "Israel", "italian": "Italy", "ivorian": "Ivory Coast", "jamaican": "Jamaica",
    "japanese": "Japan", "jordanian": "Jordan", "kazakh": "Kazakhstan", "kenyan": "Kenya",
    "korean": "Korea", "north korean": "North Korea", "south korean": "South Korea", "kosovar": "Kosovo",
    "kuwaiti": "Kuwait", "kyrgyz": "Kyrgyzstan", "lao": "Laos", "latvian": "Latvia", "lebanese": "Lebanon",
    "liberian": "Liberia", "libyan": "Libya", "lithuanian": "Lithuania", "malaysian": "Malaysia",
    "malian": "Mali", "maltese": "Malta", "mexican": "Mexico", "moldovan": "Moldova", "mongolian": "Mongolia",
    "montenegrin": "Montenegro", "moroccan": "Morocco", "mozambican": "Mozambique", "namibian": "Namibia",
    "nepalese": "Nepal", "nepali": "Nepal", "nigerian": "Nigeria", "nigerien": "Niger",
    "norwegian": "Norway", "omani": "Oman", "pakistani": "Pakistan", "palestinian": "Palestine",
    "panamanian": "Panama", "paraguayan": "Paraguay", "peruvian": "Peru", "polish": "Poland",
    "portuguese": "Portugal", "qatari": "Qatar", "romanian": "Romania", "russian": "Russia",
    "rwandan": "Rwanda", "saudi": "Saudi Arabia", "scottish": "Scotland", "senegalese": "Senegal",
    "serbian": "Serbia", "singaporean": "Singapore", "slovak": "Slovakia", "slovenian": "Slovenia",
    "somali": "Somalia", "south african": "South Africa", "spanish": "Spain", "sri lankan": "Sri Lanka",
    "sudanese": "Sudan", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria",
    "taiwanese": "Taiwan", "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand",
    "tunisian": "Tunisia", "turkish": "Turkey", "turkmen": "Turkmenistan", "ugandan": "Uganda",
    "ukrainian": "Ukraine", "uruguayan": "Uruguay", "uzbek": "Uzbekistan", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam", "welsh": "Wales", "yemeni": "Yemen", "zambian": "Zambia",
    "zimbabwean": "Zimbabwe", "new zealand": "New Zealand", "us": "United States", "u.s.": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "un": "United Nations", "u.n.": "United Nations",
    "eu": "European Union", "nato": "NATO", "soviet": "Soviet Union",
}
# Other spellings of places and organisations, to their usual English name.
NAME_ALIASES = {
    "u.s.": "United States", "us": "United States", "u.s.a.": "United States", "usa": "United States",
    "united states of america": "United States", "america": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "the united kingdom": "United Kingdom",
    "russian federation": "Russia", "the russian federation": "Russia", "prc": "China",
    "people's republic of china": "China", "the people's republic of china": "China",
    "dprk": "North Korea", "republic of korea": "South Korea", "uae": "United Arab Emirates",
    "eu": "European Union", "un": "United Nations", "u.n.": "United Nations",
    "the netherlands": "Netherlands", "holland": "Netherlands", "the philippines": "Philippines",
    "the kremlin": "Kremlin", "the white house": "White House", "the pentagon": "Pentagon",
    "the vatican": "Vatican", "burma": "Myanmar", "czechia": "Czech Republic",
}

# Portfolio words that NER sometimes tags as an organisation inside a title ("Defense Minister").
PORTFOLIOS = {
    "defense", "defence", "foreign", "interior", "finance", "justice", "health", "trade", "economy",
    "education", "energy", "transport", "agriculture", "labour", "labor", "environment", "culture",
    "treasury", "home", "commerce", "industry", "tourism", "communications", "security", "foreign affairs",
    "home affairs", "internal affairs", "defense ministry", "defence ministry", "state", "war",
}

# Words that qualify a title head inside a title: "Vice Chairman", "Chief Executive Officer", "Secretary of State".
TITLE_MODIFIERS = {
    "vice", "deputy", "crown", "press", "security", "trade",
    "first", "prime", "chief", "executive", "general", "assistant", "associate", "managing",
    "supreme", "lord", "national", "principal", "special", "high", "grand", "under", "permanent", "state",
    "affairs", "technical", "operating", "financial", "divisional", "regional", "federal", "provincial",
    "attorney", "secretary-general", "director-general", "military", "civilian", "defense", "defence",
    "foreign", "senior", "junior", "lieutenant", "rear", "field", "majority", "minority", "opposition",
    "party", "commanding", "presiding", "executive-director", "co", "top",
}

# Caption words a scraped name can run into: "Jane Doe Image: Jane Doe".
CAPTION_WORDS = {"image", "images", "photo", "photos", "picture", "pictured", "credit", "video", "file"}

# Capitalised abbreviations that stand before titles but name no organisation ("LGBT activist").
NOT_ORGANISATIONS = {"lgbt", "lgbtq", "lgbtqi", "covid", "hiv", "aids", "ceo", "cfo", "coo", "cto", "gen", "col",
                     "sgt", "capt", "lt", "adm", "rev", "the", "and", "dj", "mc", "tv", "pr", "it", "ai"}

# Subject pronouns that may stand for one person named just before.
PERSONAL_PRONOUNS = {"he", "she"}
POSSESSIVE_PRONOUNS = {"his", "her"}

# Verbs that state a post over an organisation, and the title they give: "who heads the IAEA".
LEADING_VERBS = {"heads": "head", "leads": "leader", "chairs": "chair", "directs": "director"}
# Forms of address around a name that are no post: "His Royal Highness", "Her Excellency", "Mr.".
FORMS_OF_ADDRESS = {"his", "her", "their", "royal", "highness", "excellency", "majesty", "the", "mr", "mr.", "mrs",
                    "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lady", "lord", "hon.", "honourable", "honorable",
                    "shri", "sri", "smt", "h.e.", "hrh"}
# Any word that may stand in a title: no part of a person's name.
TITLE_WORDS_ANY = TITLE_HEADS | TITLE_MODIFIERS | PORTFOLIOS

# The words that head a personal name in the NER repair ("President Xi Jinping", "Gen. Li Shangfu", "Mr. Lee"):
# mostly a chosen subset of TITLE_HEADS and HONORIFICS, those that stand directly before a name, with the
# rank abbreviations ("Cmdr.", "Brig.") that the tokenizer keeps whole.
PERSONAL_TITLES = sorted({
    "president", "presidents", "minister", "ministers", "premier", "chancellor", "secretary", "senator",
    "sen.", "gen.", "general", "governor", "gov.", "mayor", "king", "queen", "prince", "princess", "pope",
    "ambassador", "leader", "chairman", "chairwoman", "spokesman", "spokeswoman", "ceo", "dr.", "mr.",
    "mrs.", "ms.", "prof.", "adm.", "admiral", "col.", "colonel", "lt.", "rep.", "representative",
    "sheikh", "emir", "judge", "justice", "commissioner", "director", "envoy", "counterpart", "mr", "mrs",
    "ms", "dr", "captain", "capt.", "sgt.", "commander", "marshal", "vice-president", "congressman",
    "congresswoman", "lawmaker", "speaker", "advisor", "adviser", "amir", "spokesperson", "counselor",
    "counsellor", "president-elect", "cardinal", "archbishop", "maj.", "cmdr.", "cdr.", "brig.", "amb.",
})
# Lower-case particles inside a personal name: "Ursula von der Leyen", "Ludwig van Beethoven".
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn",
                  "al", "el", "ter", "zu", "dos", "das"}
