"""kg.errors.stage: an unexpected failure names the stage it happened in; the library's own errors pass as they are."""
import pytest

from kg.errors import InputError, KgError, StageError, stage


def test_an_unexpected_error_becomes_a_stage_error_naming_the_stage_and_keeping_its_cause():
    with pytest.raises(StageError) as caught:
        with stage("normalise"):
            {}["missing"]
    assert str(caught.value) == "stage 'normalise' failed: KeyError: 'missing'"
    assert isinstance(caught.value.__cause__, KeyError)
    assert isinstance(caught.value, KgError)  # so the CLI prints it as one Error: line


def test_the_librarys_own_errors_pass_unchanged():
    error = InputError("--max-article-mb must be above 0, not 0")
    with pytest.raises(InputError) as caught:
        with stage("read"):
            raise error
    assert caught.value is error


def test_nested_stages_name_the_innermost_one():
    with pytest.raises(StageError, match=r"^stage 'segment' failed: ZeroDivisionError"):
        with stage("extract"):
            with stage("segment"):
                1 / 0


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_an_interruption_is_not_turned_into_a_stage_error(interruption):
    # Ctrl-C must still reach the CLI as an interruption (it prints "Interrupted" and exits 130).
    with pytest.raises(interruption):
        with stage("views"):
            raise interruption()

