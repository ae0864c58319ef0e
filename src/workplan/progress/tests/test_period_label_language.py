"""A period's name the system wrote (2024年6月, 2024年第2季度) reads in the reader's language;
a name a supervisor typed stays as typed."""

from datetime import date

from django.utils import translation

from workplan.progress.models import period_label


def test_period_names_the_system_wrote_are_shown_in_english_to_english_readers():
    june = ("2024年6月", date(2024, 6, 1), date(2024, 6, 25))
    second_quarter = ("2024年第2季度", date(2024, 4, 1), date(2024, 6, 25))
    typed = ("上半年", date(2024, 1, 1), date(2024, 6, 30))
    with translation.override("en"):
        assert [period_label(*p) for p in (june, second_quarter, typed)] == [
            "June 2024",
            "Q2 2024",
            "上半年",
        ]
    with translation.override("zh-hans"):
        assert period_label(*june) == "2024年6月"
