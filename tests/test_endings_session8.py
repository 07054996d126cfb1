"""How a story ended, said in more of English's shapes (scoring/ending.py): the work ended
by someone in the active voice, the old way kept or put back, a result still in place.
Our own sentences. Each case is read as the second half of a telling."""

from __future__ import annotations

import pytest

from scoring.document import Document
from scoring.ending import ending

OPENING = (
    "I was the shift lead at a bottling plant. Our labeller jammed twice a shift. "
    "I logged every jam for a month and found the glue temperature drifted at night. "
)


def read(result: str) -> str | None:
    said = OPENING + result
    found = ending(said, Document(said).sentences)
    return found[0] if found else None


@pytest.mark.parametrize(
    "result",
    [
        "We tried the new glue unit for a month. Then finance pulled it, and we were back to "
        "clearing jams by hand.",
        "We trialled the heated glue line. After a quarter the site director decided to scrap "
        "the project to save the budget.",
        "We fitted the new controller. It drifted in the first cold week, so we ran the winter "
        "on the old settings again.",
        "We fitted the new controller. Within a week maintenance put the old thermostat back.",
        "We fitted the new controller. When I moved to days nobody kept the checks up, and it "
        "just quietly stopped.",
        "We fitted the new controller, but the night checks fizzled out within a month.",
    ],
)
def test_work_ended_by_someone_or_the_old_way_kept_is_a_failure(result: str) -> None:
    assert read(result) == "failure"


@pytest.mark.parametrize(
    "result",
    [
        "We fitted the new controller. There was no jam from this cause for the rest of the year.",
        "We fitted the new controller. So that's stuck now, two winters in.",
        "We fitted the new controller, and it has been running every night shift since.",
        "We fitted the new controller, and it's still how the night line runs.",
        "We fitted the new controller, and every line in the plant does it now.",
        "We fitted the new controller, and the glue check became the default on every shift.",
    ],
)
def test_a_result_still_in_place_is_a_success(result: str) -> None:
    assert read(result) == "success"


def test_the_old_way_scrapped_by_the_fix_is_not_a_failure() -> None:
    said = "We fitted the new controller and scrapped the old thermostat process. Jams fell a lot."
    assert read(said) != "failure"


def test_pulling_it_off_is_not_pulling_the_work() -> None:
    assert read("It was tight, but we pulled it off and the line ran clean.") != "failure"


def test_failing_ever_since_is_not_a_result_that_held() -> None:
    said = "We fitted the new controller, but it has been failing every cold night since."
    assert read(said) != "success"
