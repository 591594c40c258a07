"""The compare pages say each thing once: the usual answer once above the tables, a sentence another option already
gave by pointing to it, a shared neighbour's answer in a phone card by naming the option that says it."""
from markupsafe import Markup

from mbc_guide import phrases
from mbc_guide.summaries import SaidOnce, is_sentence, usual_answers

LONG = "As long as it keeps the cancer under control."


def test_a_sentence_said_in_an_earlier_table_points_to_the_option_that_said_it():
    said = SaidOnce()
    assert said.row("How long", [LONG, "Six months."], [("a", "A"), ("b", "B")], "first") == [LONG, "Six months."]
    later = said.row("How long", ["Six months.", f"Until it stops working. {LONG}"], [("c", "C"), ("d", "D")], "later")
    # Short labels are said again; the long sentence is not, and the reference links to the table that says it.
    assert later == ["Six months.", Markup('Until it stops working. See <a href="#first">A</a>.')]


def test_a_sentence_is_said_again_in_another_row_and_by_the_same_option():
    said = SaidOnce()
    said.row("Visits", [LONG], [("a", "A")], "first")
    assert said.row("Daily life", [LONG], [("a", "A")], "first") == [LONG]
    assert said.row("Visits", [LONG], [("a", "A")], "later") == [LONG]


def test_equal_neighbours_stay_equal_so_the_table_merges_them():
    said = SaidOnce()
    cells = said.row("How long", [LONG, LONG, "Six months."], [("a", "A"), ("b", "B"), ("c", "C")], "first")
    assert cells[0] == cells[1] == LONG
    assert phrases.runs(cells) == [(LONG, 2), ("Six months.", 1)]
    assert phrases.run_owners(cells) == [0, 0, 2]


def test_cells_with_links_are_compared_whole_and_punctuation_does_not_hide_a_repeat():
    said = SaidOnce()
    link = Markup('<a href="#x">Trastuzumab</a>, given every 3 weeks. Then more.')
    said.row("Given", [link, "Feeling sick, tiredness, diarrhea and hair loss."], [("a", "A"), ("b", "B")], "first")
    again = said.row("Given", [link, "feeling sick, tiredness, diarrhea and hair loss"], [("c", "C"), ("d", "D")], "first")
    assert again == [Markup("See A."), Markup("See B.")]


def test_usual_answer_is_a_long_answer_two_options_share(registry):
    treatments = registry.treatments_for("her2-positive")
    usual = usual_answers(treatments)
    shared = [t.time_on_treatment["en"] for t in treatments]
    assert usual["How long"] == max(set(shared), key=shared.count) and shared.count(usual["How long"]) > 1
    assert usual_answers(treatments[:1]) == {}  # one option shares nothing
    assert not is_sentence("Common.") and is_sentence(LONG)


def test_the_usual_answer_is_pointed_to_whole_or_as_one_sentence_of_a_longer_answer():
    said = SaidOnce({"How long": LONG})
    cells = said.row("How long", [LONG, f"{LONG} Ask your team."], [("a", "A"), ("b", "B")], "first")
    assert cells == [Markup('<a href="#usual-answers">Usual answer: see top.</a>'),
                     Markup('<a href="#usual-answers">Usual answer (see top).</a> Ask your team.')]


def test_a_usual_answer_of_two_sentences_is_pointed_to_whole_and_by_its_sentences():
    usual = "Our sources do not report it for this option. Ask your care team."
    said = SaidOnce({"Hair loss": usual})
    cells = said.row("Hair loss", [usual, "Our sources do not report it for this option. Common."],
                     [("a", "A"), ("b", "B")], "first")
    assert cells == [Markup('<a href="#usual-answers">Usual answer: see top.</a>'),
                     Markup('<a href="#usual-answers">Usual answer (see top).</a> Common.')]
