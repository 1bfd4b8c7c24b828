""""What did X promise?" or "who agreed to do Y?" with no commitment or agreement told: a plan someone
announced answers ('"Chile will send two ships," Ruiz said'; "Peru and Ecuador said they would send
divers"); a plan told of X by nobody in particular ("Chile's plan for a port") does not. What the act is
for ("to the reef mission") may be named by the report's headline alone, never by another report's.
Through the real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

from tests.support import kgqa, store_fixture

ARTICLES = {
    "patrol": ("Chilean plan for Pacific patrol",
               "Chilean President Marta Ruiz proposed a joint patrol of the southern Pacific on Monday. "
               "\"We are not here to ask for favours. Chile will send two ships and a command post,\" Ruiz said."),
    "divers": ("Who will pay for the reef rescue mission?",
               "Ministers met in Lima on Sunday to discuss the mission. Peru and Ecuador said they would send "
               "divers. Bolivia did not say what it would do."),
    "floods": ("Andean floods leave thousands homeless",
               "Rivers burst their banks across the highlands. Colombia said it would send divers."),
}


reports = store_fixture(ARTICLES)


def _texts(store, question: str) -> str:
    return " | ".join(a["text"] for a in kgqa(store).ask(question, link_root="/")["answers"])


def test_announced_plan_answers_promise(reports):
    texts = _texts(reports, "What did Marta Ruiz promise?")
    assert "two ships" in texts and "plan for" not in texts


def test_announced_plan_answers_agreed_act_named_by_headline(reports):
    texts = _texts(reports, "Who agreed to send divers to the reef rescue mission?")
    assert "Peru" in texts and "Ecuador" in texts and "Bolivia" not in texts and "Colombia" not in texts
