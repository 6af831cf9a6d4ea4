from __future__ import annotations

import pytest

from newscrawler.text.boilerplate import strip_boilerplate

P1 = "The minister said the talks would resume next week."
P2 = "Officials declined to comment on the report."
FEED = (
    "(This story has not been edited by Devdiscourse staff and is auto-generated"
    " from a syndicated feed.)"
)
REWORKED = (
    "(Only the headline of this report may have been reworked by the Business Standard staff;"
    " the rest of the content is auto-generated from a syndicated feed.)"
)
AP_COPY = "Copyright 2024 The Associated Press. All Rights Reserved."
AP_2019 = (
    "\u00a9 2019 Associated Press. All Rights Reserved. This material may not be published,"
    " broadcast, rewritten, or redistributed."
)
AP_CREDIT = "Associated Press writers Alan Fram and Zeke Miller contributed to this report."
PTI_CREDIT = "(With inputs from PTI)"
REUTERS_CREDIT = "(Reporting by Will Dunham; Editing by Tom Brown)"

# body -> (kept, removed)
CASES = [
    ([P1, P2, FEED], [P1, P2], 1),
    ([P1, P2, REWORKED], [P1, P2], 1),
    ([P1, P2, AP_COPY], [P1, P2], 1),
    ([P1, P2, AP_2019], [P1, P2], 1),
    ([P1, AP_CREDIT, AP_COPY], [P1, AP_CREDIT], 1),
    ([P1, AP_COPY, AP_CREDIT], [P1, AP_CREDIT], 1),
    ([P1, REUTERS_CREDIT, "\u00a9 Reuters"], [P1, REUTERS_CREDIT], 1),
    (
        [
            P1,
            "Reporting by Gopal Sharma, Editing by Tom",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ],
        [P1, "Reporting by Gopal Sharma, Editing by Tom"],
        1,
    ),
    ([P1, PTI_CREDIT], [P1, PTI_CREDIT], 0),
    ([P1, "Also Read: Sensex ends higher", P2], [P1, P2], 1),
    ([P1, "Also read | Sensex ends higher", P2], [P1, P2], 1),
    ([P1, "ALSO READ - Sensex ends higher"], [P1], 1),
    ([P1, P2, "Follow us on Twitter and Facebook"], [P1, P2], 1),
    ([P1, P2, "Download the Mint app to read the latest news"], [P1, P2], 1),
    ([P1, P2, "Click here to subscribe to our newsletter"], [P1, P2], 1),
    ([P1, P2, "Disclaimer: This story is auto-generated."], [P1, P2], 1),
    ([P1, P2, FEED, "Disclaimer: views are the author's own.", AP_COPY], [P1, P2], 3),
    ([P1, P2, "", AP_COPY, ""], [P1, P2, "", ""], 1),
    (
        ["Disclaimer: The author owns shares in the company.", P1, P2],
        ["Disclaimer: The author owns shares in the company.", P1, P2],
        0,
    ),
    (
        ["Copyright law was rewritten in 2019, the court noted.", P1],
        ["Copyright law was rewritten in 2019, the court noted.", P1],
        0,
    ),
    ([P1, AP_COPY, P2], [P1, AP_COPY, P2], 0),
    (
        [P1, "Users can click here to read more, he said, pointing at the screen."],
        [P1, "Users can click here to read more, he said, pointing at the screen."],
        0,
    ),
    (
        [P1, "He said he would also read the report."],
        [P1, "He said he would also read the report."],
        0,
    ),
    ([], [], 0),
]
IDS = [
    "syndicated-feed-notice",
    "headline-reworked-notice",
    "ap-copyright-2024",
    "ap-copyright-2019-material",
    "credit-then-copyright",
    "copyright-then-credit",
    "reuters-credit-kept-copyright-dropped",
    "reuters-our-standards",
    "with-inputs-from-kept",
    "also-read-colon-mid-body",
    "also-read-pipe-mid-body",
    "also-read-caps-dash",
    "follow-us",
    "download-app",
    "click-here",
    "disclaimer-trailing",
    "trailing-run-of-three",
    "blank-lines-in-trailer",
    "disclaimer-at-top-is-content",
    "copyright-prose-is-content",
    "copyright-mid-body-kept",
    "click-here-in-prose",
    "also-read-in-prose",
    "empty",
]


@pytest.mark.parametrize(("body", "kept", "removed"), CASES, ids=IDS)
def test_strip_boilerplate(body: list[str], kept: list[str], removed: int) -> None:
    result = strip_boilerplate(body)
    assert result.body == kept
    assert result.removed == removed
