"""The rules registry and SPOKE_WITH, the worked example of a relation added by a schema entry and a rules file."""

from __future__ import annotations

import pytest
from extraction_helpers import facts, relation_details

from graphbuild.extract import rules
from graphbuild.extract.rules.builders import Rule, child, trigger, verb
from graphbuild.schema import RELATIONS, SPOKE_WITH


def test_every_rule_belongs_to_a_declared_relation():
    for rule in rules.all_rules():
        assert rule.relation in RELATIONS, rule.key
        assert rule.pattern[0]["RIGHT_ID"] in {"trigger", "verb"}


def test_trigger_words_are_derived_from_the_patterns(monkeypatch):
    """A sentence is matched when it holds the words some rule needs; no hand-kept list can drop it."""
    assert rules.may_match({"biden", "phoned", "modi"})
    assert not rules.may_match({"biden", "praised", "modi"})
    extra = Rule(SPOKE_WITH, "wrote-to", [trigger(verb(["wrote"])), child("trigger", "subject", "nsubj")])
    monkeypatch.setattr(rules.rule_modules()[SPOKE_WITH], "RULES", [*rules.rule_modules()[SPOKE_WITH].RULES, extra])
    rules._word_groups.cache_clear()
    try:
        assert rules.may_match({"biden", "wrote", "modi"})
    finally:
        monkeypatch.undo()
        rules._word_groups.cache_clear()


@pytest.mark.parametrize(
    ("sentence", "pair", "medium"),
    [
        ("Angela Merkel spoke with Emmanuel Macron by phone on Monday.", ("Angela Merkel", "Emmanuel Macron"), "phone"),
        ("Angela Merkel phoned Emmanuel Macron on Monday.", ("Angela Merkel", "Emmanuel Macron"), "phone"),
        ("Angela Merkel held a video call with Emmanuel Macron.", ("Angela Merkel", "Emmanuel Macron"), "video"),
        ("Angela Merkel met Emmanuel Macron by video link.", ("Angela Merkel", "Emmanuel Macron"), "video"),
        ("Angela Merkel had a phone call with Emmanuel Macron.", ("Angela Merkel", "Emmanuel Macron"), "phone"),
    ],
)
def test_phone_and_video_contacts_are_spoke_with(sentence, pair, medium):
    found = facts(sentence)
    assert (SPOKE_WITH, *pair) in found
    assert not [f for f in found if f[0] == "MET"]
    assert {d["medium"] for d in relation_details(sentence, SPOKE_WITH)} == {medium}


@pytest.mark.parametrize(
    "sentence",
    [
        "Angela Merkel spoke with Emmanuel Macron in Paris.",  # no medium: it may be in person
        "Angela Merkel called Emmanuel Macron a friend.",
        "Angela Merkel called for talks with Emmanuel Macron.",
    ],
)
def test_no_contact_without_a_medium(sentence):
    assert not [f for f in facts(sentence) if f[0] == SPOKE_WITH]


def test_planned_call_is_planned():
    details = relation_details("Angela Merkel will speak with Emmanuel Macron by phone.", SPOKE_WITH)
    assert [d["status"] for d in details] == ["planned"]


def test_a_list_of_titled_people_all_meet_the_subject_and_each_other():
    found = facts("Angela Merkel met with Prime Minister Erna Solberg of Norway, President Gudni Johannesson of "
                  "Iceland, and President Sauli Niinisto of Finland to discuss security.")
    met = {f[1:] for f in found if f[0] == "MET"}
    people = ["Angela Merkel", "Erna Solberg", "Gudni Johannesson", "Sauli Niinisto"]
    assert {tuple(sorted((a, b))) for i, a in enumerate(people) for b in people[i + 1:]} <= met


def test_separate_meetings_do_not_join_the_people_met():
    found = facts("Angela Merkel met separately with Emmanuel Macron and Boris Johnson in Berlin.")
    met = {f[1:] for f in found if f[0] == "MET"}
    assert ("Angela Merkel", "Emmanuel Macron") in met and ("Angela Merkel", "Boris Johnson") in met
    assert ("Boris Johnson", "Emmanuel Macron") not in met


def test_groups_after_semicolons_are_separate_meetings():
    found = facts("The envoy Victor Lang met with President Ana Ruiz of Peru and Minister Luis Soto of Chile; with "
                  "President Marta Gil; and with Minister Jorge Vega.")
    met = {f[1:] for f in found if f[0] == "MET"}
    assert ("Ana Ruiz", "Luis Soto") in met
    assert ("Ana Ruiz", "Marta Gil") not in met and ("Jorge Vega", "Marta Gil") not in met


def test_a_name_in_a_possessive_is_no_participant():
    found = facts("Angela Merkel met with Erna Solberg to discuss Joe Biden's plan.")
    assert not [f for f in found if "Joe Biden" in f]


def test_joining_a_meeting_meets_its_people():
    found = facts("Angela Merkel met with Emmanuel Macron in Paris. Boris Johnson also joined the meeting.")
    assert {("MET", "Boris Johnson", "Emmanuel Macron"), ("MET", "Angela Merkel", "Boris Johnson")} <= found


def test_a_meeting_attended_by_many_joins_them_all():
    found = facts("The meeting was attended by Boris Johnson, Mark Rutte and Pedro Sanchez.")
    assert ("MET", "Mark Rutte", "Pedro Sanchez") in found


def test_spoke_with_in_a_document_about_a_call():
    from extraction_helpers import shared_extractor

    from graphbuild.models import CleanDocument

    nlp, extractor = shared_extractor()
    text = "Angela Merkel spoke with Emmanuel Macron today. They discussed trade."
    for title, expected in [("Chancellor Merkel's Call with President Macron", {"SPOKE_WITH"}),
                            ("Background Press Call on Trade", set())]:
        clean = CleanDocument("d", text, list(range(len(text) + 1)), text, title=title)
        assert {r.type for r in extractor.run(clean, nlp(text)).relations} == expected


def test_subjects_listed_with_their_titles_all_meet_the_object():
    found = facts("Scott Bessent, Secretary of the Treasury, and Jamieson Greer, United States Trade "
                  "Representative, met He Lifeng.")
    assert {("MET", "He Lifeng", "Scott Bessent"), ("MET", "He Lifeng", "Jamieson Greer")} <= found


def test_a_name_in_a_relative_clause_is_no_subject():
    found = facts("Joe Biden, who hosted Emmanuel Macron last week, met Boris Johnson.")
    assert ("MET", "Boris Johnson", "Emmanuel Macron") not in found


def test_titles_the_ner_ran_into_a_name():
    from extraction_helpers import titles

    found = titles("President Joe Biden welcomed His Majesty King Abdullah II of Jordan. "
                   "The statement is attributable to Spokesperson Ned Price.")
    assert ("Abdullah II", "King") in found and ("Ned Price", "Spokesperson") in found


def test_people_named_by_their_role_in_the_document():
    found = facts("Under Secretary Victoria Nuland and an interagency delegation visited Paraguay. The delegation "
                  "met with President Mario Abdo Benitez. Secretary of State Antony Blinken traveled to Cairo with "
                  "Deputy Secretary Wendy Sherman. The Secretary met with Sameh Shoukry.")
    assert ("MET", "Mario Abdo Benitez", "Victoria Nuland") in found
    assert not [f for f in found if "Wendy Sherman" in f and f[0] == "MET"]


def test_a_role_two_people_fit_stays_unresolved():
    found = facts("President Joe Biden welcomed President Emmanuel Macron. Later the President met Boris Johnson.")
    assert not [f for f in found if f[0] == "MET" and "Boris Johnson" in f]


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Jake Sullivan met with Secretary of State for Defence Ben Wallace of the United Kingdom.", "Ben Wallace",
         "Secretary of State for Defence"),
        ("The delegation included Scott Bessent, Secretary of the Treasury, and others.", "Scott Bessent",
         "Secretary of the Treasury"),
        ("Jake Sullivan met Luigi Mattiolo, Diplomatic Advisor to the Prime Minister.", "Luigi Mattiolo",
         "Diplomatic Advisor to the Prime Minister"),
        ("National Security Advisor of India Shri Ajit Doval met with Jake Sullivan.", "Ajit Doval",
         "National Security Advisor of India"),
    ],
)
def test_long_titles_as_officials_write_them(sentence, name, title):
    from extraction_helpers import titles

    assert (name, title) in titles(sentence)


def test_joining_part_of_a_virtual_meeting_is_a_video_contact():
    found = facts("Joe Biden met virtually with the leaders to discuss trade. Volodymyr Zelenskyy joined the "
                  "beginning of the virtual meeting.")
    assert ("SPOKE_WITH", "Joe Biden", "Volodymyr Zelenskyy") in found
    assert not [f for f in found if f[0] == "MET"]


@pytest.mark.parametrize("sentence", [
    "Joe Biden's meeting with Xi Jinping was cancelled.",
    "Boris Johnson postponed his meeting with Emmanuel Macron.",
    "Angela Merkel cancelled talks with Mark Rutte.",
])
def test_cancelled_or_postponed_meetings_are_negated(sentence):
    assert {d["status"] for d in relation_details(sentence, "MET")} == {"negated"}


def test_a_meeting_whose_subject_the_parse_lost():
    found = facts("On April 5 Special Representative for the DPRK Sung Kim met with the People's Republic of China "
                  "(PRC) Special Representative for Korean Peninsula Affairs Liu Xiaoming in Washington.")
    assert ("MET", "Liu Xiaoming", "Sung Kim") in found


def test_a_name_after_a_personal_title_is_a_person_even_when_tagged_as_a_place():
    found = facts("Just finished the trilateral meeting between President Biden, South Korean President Yoon Suk "
                  "Yeol, and the Japanese Prime Minister, Ishiba Shigeru.")
    assert {("MET", "Biden", "Yoon Suk Yeol"), ("MET", "Biden", "Ishiba Shigeru")} <= found


def test_in_the_readout_of_a_call_one_participant_addressing_another_is_a_contact():
    from extraction_helpers import shared_extractor

    from graphbuild.models import CleanDocument

    nlp, extractor = shared_extractor()
    text = ("Angela Merkel thanked Emmanuel Macron for his leadership. Merkel briefed Macron on her meeting with "
            "Mark Rutte.")
    for title, spoke in [("Readout of Chancellor Merkel's Call with President Macron", True), (None, False)]:
        clean = CleanDocument("d", text, list(range(len(text) + 1)), text, title=title)
        result = extractor.run(clean, nlp(text))
        pairs = {frozenset((result.mentions[r.subject].text, result.mentions[r.object].text))
                 for r in result.relations if r.type == "SPOKE_WITH"}
        assert (frozenset(("Angela Merkel", "Emmanuel Macron")) in pairs) == spoke
        assert frozenset(("Emmanuel Macron", "Mark Rutte")) not in pairs


def test_untagged_names_at_the_end_of_titled_list_items():
    found = facts("Jake Sullivan held a joint call with Head of the Office of the President of Ukraine Andriy Yermak, "
                  "Foreign Minister Dmytro Kuleba, and Commander-in-Chief of the Ukrainian Armed Forces Gen. Valery "
                  "Zaluzhnyy.")
    assert ("SPOKE_WITH", "Andriy Yermak", "Jake Sullivan") in found
    assert ("SPOKE_WITH", "Jake Sullivan", "Valery Zaluzhnyy") in found
    assert ("SPOKE_WITH", "Andriy Yermak", "Dmytro Kuleba") not in found  # one side of the call


def test_common_words_after_a_place_are_no_name():
    found = facts("Jake Sullivan met with the Minister of Ukraine Armed Forces, and Dmytro Kuleba.")
    assert not [f for f in found if "Armed Forces" in f]


def test_a_person_tagged_as_an_organisation_in_a_list_of_people():
    found = facts("Egyptian foreign minister Sameh Shoukry and his Greek, Cypriot and French counterparts, Nikos "
                  "Dendias, Nikos Christodoulides and Jean-Yves Le Drian, respectively, gathered in Cairo.")
    assert ("MET", "Nikos Christodoulides", "Sameh Shoukry") in found


def test_a_person_named_to_describe_another_is_no_participant():
    found = facts("Joe Biden met with Marina Ivanova, the widow of Pavel Ivanov, and Anna Petrova in Washington.")
    assert ("MET", "Anna Petrova", "Joe Biden") in found
    assert not [f for f in found if "Pavel Ivanov" in f]


def test_a_second_with_is_a_second_meeting():
    found = facts("Donald Trump met with Kim Jong Un in Hanoi and later with Moon Jae-in in Seoul.")
    assert ("MET", "Donald Trump", "Moon Jae-in") in found or ("MET", "Moon Jae-in", "Donald Trump") in found
    assert not [f for f in found if "Kim Jong Un" in f and "Moon Jae-in" in f]


def test_his_counterpart_of_a_named_nationality():
    found = facts("Foreign Minister Wang Yi of China visited Paris. French Foreign Minister Jean-Yves Le Drian met "
                  "his Chinese counterpart on Monday.")
    assert ("MET", "Jean-Yves Le Drian", "Wang Yi") in found
    unresolved = facts("Foreign Minister Wang Yi of China visited Paris. Jean-Yves Le Drian met his counterpart.")
    assert not [f for f in unresolved if f[0] == "MET"]


def test_the_two_leaders_are_the_two_people_who_fit():
    found = facts("President Joe Biden welcomed Prime Minister Narendra Modi to Washington. The two leaders met "
                  "again at the White House.")
    assert ("MET", "Joe Biden", "Narendra Modi") in found
    three = facts("President Joe Biden, President Emmanuel Macron and Prime Minister Narendra Modi spoke. "
                  "The two leaders met later.")
    assert not [f for f in three if f[0] == "MET"]


def test_evidence_keeps_the_sentence_that_names_the_person():
    from extraction_helpers import extract

    result = extract("Secretary of State Antony Blinken arrived in Cairo. The Secretary met with Sameh Shoukry.")
    [met] = [r for r in result.relations if r.type == "MET"]
    assert result.sentences[met.sentence].text == "The Secretary met with Sameh Shoukry."
    assert result.sentences[met.context].text == "Secretary of State Antony Blinken arrived in Cairo."
    same = extract("Antony Blinken met with Sameh Shoukry.")
    assert all(r.context is None for r in same.relations)


def test_an_organisation_in_the_sentence_before_is_not_the_posts():
    details = relation_details("Antony Blinken met Jean-Yves Le Drian in Washington, D.C. Secretary Antony Blinken "
                               "congratulated Minister Le Drian on France's national day.", "HOLDS_POSITION")
    assert not [d for d in details if d["object"] in ("D.C", "D.C.", "Washington")]


def _met(text):
    return {f[1:] for f in facts(text) if f[0] == "MET"}


def test_people_met_together_only_when_joint_or_of_different_countries():
    colleagues = _met("Ana Ruiz met with Chinese President Li Wenhao and Premier Zhou Dangming on Saturday.")
    assert ("Ana Ruiz", "Li Wenhao") in colleagues and ("Ana Ruiz", "Zhou Dangming") in colleagues
    assert ("Li Wenhao", "Zhou Dangming") not in colleagues
    countries = _met("Ana Ruiz met with President Kofi Mensah of Ghana and President Ali Omondi of Kenya.")
    assert ("Ali Omondi", "Kofi Mensah") in countries
    joint = _met("Ana Ruiz held a trilateral meeting with Li Wenhao and Kenji Sato.")
    assert ("Kenji Sato", "Li Wenhao") in joint


def test_talks_with_both_of_two_people_are_two_meetings():
    found = _met("Marco Diaz said he has had productive discussions with both Israeli Prime Minister Dov Levin "
                 "and Palestinian President Omar Haddad.")
    assert ("Dov Levin", "Marco Diaz") in found and ("Marco Diaz", "Omar Haddad") in found
    assert ("Dov Levin", "Omar Haddad") not in found


def test_a_subject_after_a_comma_ends_the_list_of_people_met():
    found = _met("Defense Secretary Tom Hale arrived. In a statement summarizing Hale's meeting with Foreign Minister "
                 "Kim Dae-ho, Sam Ortiz said the two sides agreed.")
    assert ("Hale", "Kim Dae-ho") in found
    assert not [pair for pair in found if "Sam Ortiz" in pair]


def test_a_family_name_alone_stands_for_the_one_person_named_before():
    found = _met("Deputy Secretary Bob Work arrived in London. Work met with Philip Crane, the minister.")
    assert ("Bob Work", "Philip Crane") in found
    two = _met("Bob Work and Anna Work arrived in London. Work met with Philip Crane, the minister.")
    assert not [pair for pair in two if "Philip Crane" in pair]


def test_the_two_named_in_the_sentence_before():
    found = _met("Secretary Dana Holt and Norwegian Defense Minister Lars Ek stand together at a ceremony. "
                 "The two defense leaders met to discuss security.")
    assert ("Dana Holt", "Lars Ek") in found
    three = _met("Dana Holt, Lars Ek and Ana Ruiz stand together at a ceremony. The two men met to discuss security.")
    assert not three


def test_a_story_after_a_dateline_dash_is_a_sentence_of_its_own():
    found = _met("OSLO, Norway (June 4, 2011) - Adm. Tom Hale, chairman of the board, and the top commanders "
                 "responsible for carrying out the strategy met here, June 3, with Gen. Ali Omondi to discuss "
                 "security.")
    assert ("Ali Omondi", "Tom Hale") in found
    assert not _met("OSLO, Norway - Adm. Tom Hale praised the strategy Gen. Ali Omondi wrote.")


def test_taking_part_in_the_session_meets_the_people_of_the_meeting():
    found = _met("Tom Hale met with Gen. Ali Omondi in Oslo. In addition to Hale, Adm. Eric Vance, commander of the "
                 "fleet, participated in the day-long session.")
    assert ("Ali Omondi", "Eric Vance") in found
    assert not _met("Adm. Eric Vance participated in the day-long session.")


def test_people_included_in_a_meeting_meet_its_host():
    found = _met("Secretary Dana Holt's meeting with civil society included Mei Lin, a doctor.")
    assert ("Dana Holt", "Mei Lin") in found
    assert not _met("Secretary Dana Holt's plan included Mei Lin, a doctor.")


def test_speaking_alongside_someone_is_meeting_them():
    found = _met("Speaking Tuesday alongside Foreign Secretary Philip Crane, Marco Diaz called the talks critical.")
    assert ("Marco Diaz", "Philip Crane") in found
    assert not _met("Speaking Tuesday after Foreign Secretary Philip Crane, Marco Diaz called the talks critical.")


def test_a_joint_news_conference_with_someone_is_a_meeting():
    found = _met("Speaking at a joint news conference with his German counterpart, Greta Vogel, French President "
                 "Luc Marchand outlined a series of steps.")
    assert ("Greta Vogel", "Luc Marchand") in found
    assert not _met("Speaking at a conference on trade, French President Luc Marchand praised Greta Vogel.")


def test_hours_of_meetings_are_the_verbs_subjects():
    found = _met("Tom Hale hosted five hours of meetings with Russian Defense Minister Ivan Petrov today.")
    assert ("Ivan Petrov", "Tom Hale") in found
    assert not _met("Tom Hale criticized the outcome of meetings with Russian Defense Minister Ivan Petrov.")


def test_two_people_who_discussed_met_or_spoke_as_the_context_says():
    found = _met("At the White House, President Tom Hale and Prime Minister Ali Omondi discussed trade.")
    assert ("Ali Omondi", "Tom Hale") in found
    call = facts("In a statement summarizing the call, Sam Ortiz said Tom Hale and Ali Omondi discussed trade.")
    assert ("SPOKE_WITH", "Ali Omondi", "Tom Hale") in call and not [f for f in call if f[0] == "MET"]
    assert not _met("President Tom Hale discussed trade with reporters.")


def test_a_meeting_inside_a_phrase_of_the_verb_has_the_verbs_subject():
    found = _met("Secretary Tom Hale today highlighted Egypt's importance in promoting stability during a "
                 "meeting with Egyptian President Omar Haddad.")
    assert ("Omar Haddad", "Tom Hale") in found
    assert not _met("Secretary Tom Hale was barred from promoting stability during a meeting with Omar Haddad.")


def test_the_chairman_named_by_an_apposition_after_the_name():
    found = _met("Gen. Tom Hale, chairman of the Joint Chiefs, arrived in Beijing. The chairman also met with "
                 "Gen. Li Wenhao.")
    assert ("Li Wenhao", "Tom Hale") in found
    vice = _met("Gen. Tom Hale, vice chairman of the commission, arrived in Beijing. The chairman also met with "
                "Gen. Li Wenhao.")
    assert not vice


def test_a_discussion_between_people_named_by_role_is_no_contact():
    assert not facts("Tom Hale spoke with Ali Omondi. The two leaders discussed trade.") & {
        ("MET", "Ali Omondi", "Tom Hale")}


def _people(text):
    from extraction_helpers import extract

    result = extract(text)
    return {m.text for m in result.mentions if m.label == "Person"}


def test_names_cut_by_the_ner_after_ranks_and_long_titles():
    people = _people("Adm. Tom Hale met with National Security Advisor Maj. Gen. Mahmood Ali Durrani and Gen. Ashfaq "
                     "Parvez Kayani in Islamabad.")
    assert {"Mahmood Ali Durrani", "Ashfaq Parvez Kayani"} <= people
    assert not people & {"Maj", "Gen", "Ali Durrani", "Parvez Kayani"}
    long_title = _people("Wendy Hale met with Israeli Minister of Regional Cooperation Esawi Frej in Washington.")
    assert "Esawi Frej" in long_title
    assert "Regional Cooperation" not in _people("Wendy Hale met with the Minister of Regional Cooperation today.")


def _titles(text):
    from extraction_helpers import titles

    return titles(text)


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Pentagon Press Secretary Navy Rear Adm. Tom Hale said so.", "Tom Hale", "Press Secretary"),
        ("The minister met Gen. Li Wenhao, the chief of the General Staff of the People's Army.", "Li Wenhao",
         "chief of the General Staff"),
        ("Anna Work met Philip Crane, the British Defense Ministry's minister for equipment, support and technology.",
         "Philip Crane", "minister for equipment"),
        ("VOA Pentagon correspondent Carla Vance has the details.", "Carla Vance", "Pentagon correspondent"),
        ("Ana Ruiz met National Security Advisor-designate Dr. Omer Lavi.", "Omer Lavi",
         "National Security Advisor-designate"),
        ("Ana Ruiz met the Crown Prince of Abu Dhabi, Sheikh Khalid bin Saeed, in Rabat.", "Khalid bin Saeed",
         "Crown Prince"),
        ("They met Commander-in-Chief of the Armed Forces Gen. Ivan Petrenko.", "Ivan Petrenko",
         "Commander-in-Chief of the Armed Forces"),
    ],
)
def test_titles_around_ranks_appositions_and_beats(sentence, name, title):
    assert (name, title) in _titles(sentence)


def test_no_title_from_a_rank_alone_or_a_plain_apposition():
    found = _titles("Navy Capt. Tom Hale said so. Philip Crane, the man who met her, left.")
    assert not [t for n, t in found if n == "Philip Crane"]
    assert {t for n, t in found if n == "Tom Hale"} <= {"Captain"}


def test_a_session_with_someone_is_a_meeting():
    found = _met("In Kyiv, President Tom Hale had the opportunity to sit in an extended session with President "
                 "Ivan Petrenko.")
    assert ("Ivan Petrenko", "Tom Hale") in found
    assert not _met("President Tom Hale opened the session of parliament after Ivan Petrenko spoke.")


def test_a_name_after_the_of_phrase_of_a_title_with_a_particle():
    assert "Marzouq al Ghanem" in _people("Ana Ruiz met with Speaker of the National Assembly Marzouq al Ghanem.")
    assert not {p for p in _people("Ana Ruiz met with the Speaker of the National Assembly.") if "Assembly" in p}


def test_a_meeting_with_a_day_told_in_the_present_tense_is_planned():
    details = relation_details("Ana Ruiz's separate meetings with British Foreign Secretary Tom Hale and German "
                               "Foreign Minister Karl Vogt on Tuesday reflect an accelerating pace.", "MET")
    assert details and {d["status"] for d in details} == {"planned"}
    past = relation_details("Ana Ruiz's meetings with Foreign Secretary Tom Hale on Tuesday reflected a new pace.",
                            "MET")
    assert past and {d["status"] for d in past} == {"occurred"}


def test_speaking_with_someone_at_a_place_is_meeting_them():
    found = _met("Secretary Tom Hale speaks with Defense Minister Dov Levin at the Ministry of Defense in Tel Aviv.")
    assert ("Dov Levin", "Tom Hale") in found
    assert not _met("Secretary Tom Hale spoke with Defense Minister Dov Levin at length about Iran.")


def test_calling_on_a_person_is_a_courtesy_visit_not_an_appeal():
    assert ("Ali Omondi", "Dana Holt") in _met("Dana Holt called on President Ali Omondi at the palace on Monday.")
    assert not _met("Dana Holt called on President Ali Omondi to resign.")
    assert not [f for f in facts("Dana Holt called on President Ali Omondi to resign.") if f[0] == "SPOKE_WITH"]


def test_paying_a_visit_to_a_person_is_meeting_them():
    assert ("Dana Holt", "Lars Ek") in _met("Lars Ek paid a visit to Governor Dana Holt at his residence.")
    assert not _met("Lars Ek paid a visit to Kyiv.")


def test_people_accompanying_the_subject_meet_its_objects_not_the_subject():
    found = _met("Dana Holt, accompanied by Lars Ek and Mari Kask, met President Ali Omondi.")
    assert {("Ali Omondi", "Dana Holt"), ("Ali Omondi", "Lars Ek"), ("Ali Omondi", "Mari Kask")} <= found
    assert ("Dana Holt", "Lars Ek") not in found and ("Lars Ek", "Mari Kask") not in found


def test_and_with_after_an_adjunct_starts_another_meeting():
    found = _met("Ana Ruiz held talks with Brazil's President Luis Costa for an hour and with Prime Minister "
                 "Kenji Mori over lunch.")
    assert {("Ana Ruiz", "Luis Costa"), ("Ana Ruiz", "Kenji Mori")} <= found
    assert ("Kenji Mori", "Luis Costa") not in found
    agreed = _met("Ana Ruiz met with Luis Costa for an hour and said she agreed with Kenji Mori.")
    assert ("Ana Ruiz", "Kenji Mori") not in agreed


def test_two_spellings_of_one_name_never_meet():
    found = _met("Dana Holt met Mohamed Salah Eddine in Rabat. Later Mohammed Salah Eddine and Mohamed Salah Eddine "
                 "met Dana Holt again.")
    assert not [pair for pair in found if "Dana Holt" not in pair]
    assert ("Mohamed Salah Eddine", "Mohammed Salah Eddine") not in found
    assert ("Dana Hall", "Dana Holt") in _met("Dana Holt met Dana Hall in Rabat.")


def test_someone_looking_on_is_at_the_meeting():
    found = _met("Secretary Tom Hale meets President Ivan Petrov as Secretary of State Dana Holt looks on at the "
                 "Kremlin.")
    assert {("Ivan Petrov", "Tom Hale"), ("Dana Holt", "Ivan Petrov")} <= found
    looked = _met("Secretary Tom Hale meets President Ivan Petrov as Dana Holt looks at the budget.")
    assert not [pair for pair in looked if "Dana Holt" in pair]
