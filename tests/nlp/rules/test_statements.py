"""Statement rules on fixed parses: reporting verbs before and after their content, direct
quotes, "according to", colon lead-ins, reporting nouns, and how speakers are found."""
from __future__ import annotations

import pytest

from .conftest import chars, content, facts, only

# Turkey said that the ceasefire must include the withdrawal of Haftar's forces from Sirte.
SAID_THAT = """
    0   Turkey      NNP  PROPN  Turkey      1   nsubj  B-GPE
    1   said        VBD  VERB   say         1   ROOT   O
    2   that        IN   SCONJ  that        6   mark   O
    3   the         DT   DET    the         4   det    O
    4   ceasefire   NN   NOUN   ceasefire   6   nsubj  O
    5   must        MD   AUX    must        6   aux    O
    6   include     VB   VERB   include     1   ccomp  O
    7   the         DT   DET    the         8   det    O
    8   withdrawal  NN   NOUN   withdrawal  6   dobj   O
    9   of          IN   ADP    of          8   prep   O
    10  Haftar      NNP  PROPN  Haftar      12  poss   B-PERSON
    11  's          POS  PART   's          10  case   O
    12  forces      NNS  NOUN   force       9   pobj   O
    13  from        IN   ADP    from        8   prep   O
    14  Sirte       NNP  PROPN  Sirte       13  pobj   B-GPE
    15  .           .    PUNCT  .           1   punct  O
"""

# The talks have failed, the GNA said.
CONTENT_FIRST = """
    0  The     DT   DET    the   1  det    O
    1  talks   NNS  NOUN   talk  3  nsubj  O
    2  have    VBP  AUX    have  3  aux    O
    3  failed  VBN  VERB   fail  7  ccomp  O
    4  ,       ,    PUNCT  ,     7  punct  O
    5  the     DT   DET    the   6  det    O
    6  GNA     NNP  PROPN  GNA   7  nsubj  B-ORG
    7  said    VBD  VERB   say   7  ROOT   O
    8  .       .    PUNCT  .     7  punct  O
"""

# Khalifa Haftar spoke in Benghazi. “We will not accept any deal,” he said.
QUOTE_WITH_PRONOUN = """
    0   Khalifa   NNP  PROPN  Khalifa   1   compound  B-PERSON
    1   Haftar    NNP  PROPN  Haftar    2   nsubj     I-PERSON
    2   spoke     VBD  VERB   speak     2   ROOT      O
    3   in        IN   ADP    in        2   prep      O
    4   Benghazi  NNP  PROPN  Benghazi  3   pobj      B-GPE
    5   .         .    PUNCT  .         2   punct     O
    6   “         ``   PUNCT  "         16  punct     O
    7   We        PRP  PRON   we        10  nsubj     O
    8   will      MD   AUX    will      10  aux       O
    9   not       RB   PART   not       10  neg       O
    10  accept    VB   VERB   accept    16  ccomp     O
    11  any       DT   DET    any       12  det       O
    12  deal      NN   NOUN   deal      10  dobj      O
    13  ,         ,    PUNCT  ,         16  punct     O
    14  ”         ''   PUNCT  "         16  punct     O
    15  he        PRP  PRON   he        16  nsubj     O
    16  said      VBD  VERB   say       16  ROOT      O
    17  .         .    PUNCT  .         16  punct     O
"""

# “The ceasefire is holding,” Lavrov said. “Both sides have pulled back their forces.”
INTERRUPTED_QUOTE = """
    0   “          ``    PUNCT  "          8   punct  O
    1   The        DT    DET    the        2   det    O
    2   ceasefire  NN    NOUN   ceasefire  4   nsubj  O
    3   is         VBZ   AUX    be         4   aux    O
    4   holding    VBG   VERB   hold       8   ccomp  O
    5   ,          ,     PUNCT  ,          8   punct  O
    6   ”          ''    PUNCT  "          8   punct  O
    7   Lavrov     NNP   PROPN  Lavrov     8   nsubj  B-PERSON
    8   said       VBD   VERB   say        8   ROOT   O
    9   .          .     PUNCT  .          8   punct  O
    10  “          ``    PUNCT  "          14  punct  O
    11  Both       DT    DET    both       12  det    O
    12  sides      NNS   NOUN   side       14  nsubj  O
    13  have       VBP   AUX    have       14  aux    O
    14  pulled     VBN   VERB   pull       14  ROOT   O
    15  back       RP    ADP    back       14  prt    O
    16  their      PRP$  PRON   their      17  poss   O
    17  forces     NNS   NOUN   force      14  dobj   O
    18  .          .     PUNCT  .          14  punct  O
    19  ”          ''    PUNCT  "          14  punct  O
"""

# According to the GNA, the airport was shelled.
ACCORDING_TO_FIRST = """
    0  According  VBG  VERB   accord   8  prep       O
    1  to         IN   ADP    to       0  prep       O
    2  the        DT   DET    the      3  det        O
    3  GNA        NNP  PROPN  GNA      1  pobj       B-ORG
    4  ,          ,    PUNCT  ,        8  punct      O
    5  the        DT   DET    the      6  det        O
    6  airport    NN   NOUN   airport  8  nsubjpass  O
    7  was        VBD  AUX    be       8  auxpass    O
    8  shelled    VBN  VERB   shell    8  ROOT       O
    9  .          .    PUNCT  .        8  punct      O
"""

# The airport was shelled, according to the GNA.
ACCORDING_TO_LAST = """
    0  The        DT   DET    the      1  det        O
    1  airport    NN   NOUN   airport  3  nsubjpass  O
    2  was        VBD  AUX    be       3  auxpass    O
    3  shelled    VBN  VERB   shell    3  ROOT       O
    4  ,          ,    PUNCT  ,        3  punct      O
    5  according  VBG  VERB   accord   3  prep       O
    6  to         IN   ADP    to       5  prep       O
    7  the        DT   DET    the      8  det        O
    8  GNA        NNP  PROPN  GNA      6  pobj       B-ORG
    9  .          .    PUNCT  .        3  punct      O
"""

# Press conference in Moscow.\n\nLAVROV: The talks will resume next week.
COLON_LEAD_IN = """
    0   Press       NN   NOUN   press       1   compound  O
    1   conference  NN   NOUN   conference  1   ROOT      O
    2   in          IN   ADP    in          1   prep      O
    3   Moscow      NNP  PROPN  Moscow      2   pobj      B-GPE
    4   .           .    PUNCT  .           1   punct     O
    5   \\n\\n        _SP  SPACE  \\n\\n        4   dep       O
    6   LAVROV      NNP  PROPN  LAVROV      11  dep       B-PERSON
    7   :           :    PUNCT  :           11  punct     O
    8   The         DT   DET    the         9   det       O
    9   talks       NNS  NOUN   talk        11  nsubj     O
    10  will        MD   AUX    will        11  aux       O
    11  resume      VB   VERB   resume      11  ROOT      O
    12  next        JJ   ADJ    next        13  amod      B-DATE
    13  week        NN   NOUN   week        11  npadvmod  I-DATE
    14  .           .    PUNCT  .           11  punct     O
"""

# Lavrov spoke in Moscow. LAVROV: The talks will resume next week.  (one paragraph)
COLON_INSIDE_PARAGRAPH = """
    0   Lavrov  NNP  PROPN  Lavrov  1   nsubj     B-PERSON
    1   spoke   VBD  VERB   speak   1   ROOT      O
    2   in      IN   ADP    in      1   prep      O
    3   Moscow  NNP  PROPN  Moscow  2   pobj      B-GPE
    4   .       .    PUNCT  .       1   punct     O
    5   LAVROV  NNP  PROPN  LAVROV  10  dep       B-PERSON
    6   :       :    PUNCT  :       10  punct     O
    7   The     DT   DET    the     8   det       O
    8   talks   NNS  NOUN   talk    10  nsubj     O
    9   will    MD   AUX    will    10  aux       O
    10  resume  VB   VERB   resume  10  ROOT      O
    11  next    JJ   ADJ    next    12  amod      B-DATE
    12  week    NN   NOUN   week    10  npadvmod  I-DATE
    13  .       .    PUNCT  .       10  punct     O
"""

# The GNA's statement that the talks would resume surprised diplomats.
REPORTING_NOUN = """
    0   The        DT   DET    the        1   det    O
    1   GNA        NNP  PROPN  GNA        3   poss   B-ORG
    2   's         POS  PART   's         1   case   O
    3   statement  NN   NOUN   statement  9   nsubj  O
    4   that       IN   SCONJ  that       8   mark   O
    5   the        DT   DET    the        6   det    O
    6   talks      NNS  NOUN   talk       8   nsubj  O
    7   would      MD   AUX    would      8   aux    O
    8   resume     VB   VERB   resume     3   acl    O
    9   surprised  VBD  VERB   surprise   9   ROOT   O
    10  diplomats  NNS  NOUN   diplomat   9   dobj   O
    11  .          .    PUNCT  .          9   punct  O
"""

# She said the convoy had left.
UNRESOLVED_PRONOUN = """
    0  She     PRP  PRON   she     1  nsubj  O
    1  said    VBD  VERB   say     1  ROOT   O
    2  the     DT   DET    the     3  det    O
    3  convoy  NN   NOUN   convoy  5  nsubj  O
    4  had     VBD  AUX    have    5  aux    O
    5  left    VBN  VERB   leave   1  ccomp  O
    6  .       .    PUNCT  .       1  punct  O
"""

# Analysts said the offensive had stalled.
GENERIC_SPEAKER = """
    0  Analysts   NNS  NOUN   analyst    1  nsubj  O
    1  said       VBD  VERB   say        1  ROOT   O
    2  the        DT   DET    the        3  det    O
    3  offensive  NN   NOUN   offensive  5  nsubj  O
    4  had        VBD  AUX    have       5  aux    O
    5  stalled    VBN  VERB   stall      1  ccomp  O
    6  .          .    PUNCT  .          1  punct  O
"""

# Russia did not say that it would withdraw.
NEGATED = """
    0  Russia    NNP  PROPN  Russia    3  nsubj  B-GPE
    1  did       VBD  AUX    do        3  aux    O
    2  not       RB   PART   not       3  neg    O
    3  say       VB   VERB   say       3  ROOT   O
    4  that      IN   SCONJ  that      7  mark   O
    5  it        PRP  PRON   it        7  nsubj  O
    6  would     MD   AUX    would     7  aux    O
    7  withdraw  VB   VERB   withdraw  3  ccomp  O
    8  .         .    PUNCT  .         3  punct  O
"""

# Lavrov said that Moscow believes Haftar should negotiate.
EMBEDDED = """
    0  Lavrov     NNP  PROPN  Lavrov     1  nsubj  B-PERSON
    1  said       VBD  VERB   say        1  ROOT   O
    2  that       IN   SCONJ  that       4  mark   O
    3  Moscow     NNP  PROPN  Moscow     4  nsubj  B-GPE
    4  believes   VBZ  VERB   believe    1  ccomp  O
    5  Haftar     NNP  PROPN  Haftar     7  nsubj  B-PERSON
    6  should     MD   AUX    should     7  aux    O
    7  negotiate  VB   VERB   negotiate  4  ccomp  O
    8  .          .    PUNCT  .          1  punct  O
"""

# The talks, Lavrov said, will resume in Geneva.
PARENTHETICAL = """
    0   The     DT   DET    the     1  det        O
    1   talks   NNS  NOUN   talk    7  nsubj      O
    2   ,       ,    PUNCT  ,       4  punct      O
    3   Lavrov  NNP  PROPN  Lavrov  4  nsubj      B-PERSON
    4   said    VBD  VERB   say     7  parataxis  O
    5   ,       ,    PUNCT  ,       4  punct      O
    6   will    MD   AUX    will    7  aux        O
    7   resume  VB   VERB   resume  7  ROOT       O
    8   in      IN   ADP    in      7  prep       O
    9   Geneva  NNP  PROPN  Geneva  8  pobj       B-GPE
    10  .       .    PUNCT  .       7  punct      O
"""

# The GNA rejected the offer, saying that it was a trap.
PARTICIPLE = """
    0   The       DT   DET    the     1   det    O
    1   GNA       NNP  PROPN  GNA     2   nsubj  B-ORG
    2   rejected  VBD  VERB   reject  2   ROOT   O
    3   the       DT   DET    the     4   det    O
    4   offer     NN   NOUN   offer   2   dobj   O
    5   ,         ,    PUNCT  ,       2   punct  O
    6   saying    VBG  VERB   say     2   advcl  O
    7   that      IN   SCONJ  that    9   mark   O
    8   it        PRP  PRON   it      9   nsubj  O
    9   was       VBD  AUX    be      6   ccomp  O
    10  a         DT   DET    a       11  det    O
    11  trap      NN   NOUN   trap    9   attr   O
    12  .         .    PUNCT  .       2   punct  O
"""

# Lavrov said the talks had failed and added that Moscow would leave.
CONJOINED_CUES = """
    0   Lavrov  NNP  PROPN  Lavrov  1   nsubj  B-PERSON
    1   said    VBD  VERB   say     1   ROOT   O
    2   the     DT   DET    the     3   det    O
    3   talks   NNS  NOUN   talk    5   nsubj  O
    4   had     VBD  AUX    have    5   aux    O
    5   failed  VBN  VERB   fail    1   ccomp  O
    6   and     CC   CCONJ  and     5   cc     O
    7   added   VBD  VERB   add     5   conj   O
    8   that    IN   SCONJ  that    11  mark   O
    9   Moscow  NNP  PROPN  Moscow  11  nsubj  B-GPE
    10  would   MD   AUX    would   11  aux    O
    11  leave   VB   VERB   leave   7   ccomp  O
    12  .       .    PUNCT  .       1   punct  O
"""

# Lavrov spoke in Moscow. Russia wants Haftar.
NO_CONTENT = """
    0  Lavrov  NNP  PROPN  Lavrov  1  nsubj  B-PERSON
    1  spoke   VBD  VERB   speak   1  ROOT   O
    2  in      IN   ADP    in      1  prep   O
    3  Moscow  NNP  PROPN  Moscow  2  pobj   B-GPE
    4  .       .    PUNCT  .       1  punct  O
    5  Russia  NNP  PROPN  Russia  6  nsubj  B-GPE
    6  wants   VBZ  VERB   want    6  ROOT   O
    7  Haftar  NNP  PROPN  Haftar  6  dobj   B-PERSON
    8  .       .    PUNCT  .       6  punct  O
"""

# Lavrov spoke on Monday.
SPOKE_ON_A_DAY = """
    0  Lavrov  NNP  PROPN  Lavrov  1  nsubj  B-PERSON
    1  spoke   VBD  VERB   speak   1  ROOT   O
    2  on      IN   ADP    on      1  prep   O
    3  Monday  NNP  PROPN  Monday  2  pobj   B-DATE
    4  .       .    PUNCT  .       1  punct  O
"""


def _one(doc):
    statements = facts(doc, "statements")
    assert len(statements) == 1, statements
    return statements[0]


def test_said_that_gives_speaker_cue_and_content_without_that(run):
    doc = run(SAID_THAT)
    st = _one(doc)
    assert (st.speaker, st.cue, st.direct, st.negated) == ("turkey", "say", False, False)
    assert content(doc, st) == "the ceasefire must include the withdrawal of Haftar's forces from Sirte"
    assert (chars(doc, st.source), chars(doc, st.cue_span)) == ("Turkey", "said")
    assert st.tokens == (3, 15)


def test_content_before_the_reporting_verb(run):
    doc = run(CONTENT_FIRST)
    st = _one(doc)
    assert (st.speaker, st.cue, content(doc, st)) == ("gna", "say", "The talks have failed")
    assert chars(doc, st.source) == "GNA"


def test_quote_is_direct_speech_of_the_pronouns_antecedent(run):
    doc = run(QUOTE_WITH_PRONOUN)
    st = only(facts(doc, "statements"), cue="say")
    assert (st.speaker, st.direct) == ("khalifa-haftar", True)
    assert content(doc, st) == "We will not accept any deal"   # without the marks and the comma
    assert chars(doc, st.source) == "he"


def test_quote_interrupted_by_its_cue_is_one_statement(run):
    doc = run(INTERRUPTED_QUOTE)
    st = _one(doc)
    assert (st.speaker, st.cue, chars(doc, st.cue_span)) == ("sergey-lavrov", "say", "said")
    assert content(doc, st) == ("The ceasefire is holding,\u201d Lavrov said. "
                                "\u201cBoth sides have pulled back their forces.")


@pytest.mark.xfail(strict=True, reason="direct speech is marked after the two quotes are merged, and a "
                   "content spanning two quotations is not inside one, so it is left indirect")
def test_quote_interrupted_by_its_cue_is_direct_speech(run):
    assert _one(run(INTERRUPTED_QUOTE)).direct is True


def test_according_to_at_the_start_takes_the_rest_of_the_sentence(run):
    doc = run(ACCORDING_TO_FIRST)
    st = _one(doc)
    assert (st.speaker, st.cue, content(doc, st)) == ("gna", "according to", "the airport was shelled")
    assert chars(doc, st.cue_span) == "According to"


def test_according_to_at_the_end_takes_the_sentence_before_it(run):
    doc = run(ACCORDING_TO_LAST)
    st = _one(doc)
    assert (st.speaker, st.cue, content(doc, st)) == ("gna", "according to", "The airport was shelled")


def test_name_and_colon_opening_a_paragraph_is_direct_speech(run):
    doc = run(COLON_LEAD_IN)
    st = _one(doc)
    assert (st.speaker, st.cue, st.direct) == ("sergey-lavrov", ":", True)
    assert content(doc, st) == "The talks will resume next week."
    assert chars(doc, st.source) == "LAVROV"


def test_colon_inside_a_paragraph_is_no_lead_in(run):
    assert facts(run(COLON_INSIDE_PARAGRAPH), "statements") == []


def test_possessive_reporting_noun_with_that_clause(run):
    doc = run(REPORTING_NOUN)
    st = _one(doc)
    assert (st.speaker, st.cue, content(doc, st)) == ("gna", "statement", "the talks would resume")


def test_unresolved_pronoun_is_kept_as_its_own_speaker(run):
    doc = run(UNRESOLVED_PRONOUN)
    st = _one(doc)
    assert (st.speaker, content(doc, st)) == ("pronoun:she", "the convoy had left")


def test_common_noun_subject_becomes_a_generic_speaker(run):
    doc = run(GENERIC_SPEAKER)
    st = _one(doc)
    assert st.speaker == "other:analysts"
    assert facts(doc, "table").actors["other:analysts"].kind == "other"


def test_negated_reporting_verb_is_a_negated_statement(run):
    doc = run(NEGATED)
    st = _one(doc)
    assert (st.speaker, st.negated, content(doc, st)) == ("russia", True, "it would withdraw")
    assert chars(doc, st.cue_span) == "did not say"


def test_statement_inside_another_statements_content_is_not_separate(run):
    doc = run(EMBEDDED)
    st = _one(doc)
    assert (st.speaker, content(doc, st)) == ("sergey-lavrov", "Moscow believes Haftar should negotiate")


def test_parenthetical_cue_takes_the_clause_around_it(run):
    doc = run(PARENTHETICAL)
    st = _one(doc)
    assert (st.speaker, st.cue) == ("sergey-lavrov", "say")
    assert content(doc, st) == "The talks, Lavrov said, will resume in Geneva"


def test_participle_takes_the_subject_of_the_verb_it_hangs_on(run):
    doc = run(PARTICIPLE)
    st = only(facts(doc, "statements"), cue="say")
    assert (st.speaker, content(doc, st)) == ("gna", "it was a trap")


def test_coordinated_cues_share_the_subject_and_split_the_content(run):
    doc = run(CONJOINED_CUES)
    said, added = only(facts(doc, "statements"), cue="say"), only(facts(doc, "statements"), cue="add")
    assert (said.speaker, content(doc, said)) == ("sergey-lavrov", "the talks had failed")
    assert (added.speaker, content(doc, added)) == ("sergey-lavrov", "Moscow would leave")


def test_cue_without_content_or_with_only_an_actor_is_no_statement(run):
    assert facts(run(NO_CONTENT), "statements") == []


def test_date_after_on_is_not_what_was_said(run):
    assert facts(run(SPOKE_ON_A_DAY), "statements") == []
