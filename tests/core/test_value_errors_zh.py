"""A value the model refuses is explained in Chinese too (the Chinese UI shows `text("zh")`)."""

import re

import pytest

from orgdesigner import ops
from orgdesigner.design import Design
from orgdesigner.entities import Department
from orgdesigner.errors import InvalidValueError


def _refusal(changes: dict) -> InvalidValueError:
    design = Design("测试")
    dept = Department(name="市场部")
    ops.AddDepartment(dept).apply(design)
    with pytest.raises(InvalidValueError) as caught:
        ops.UpdateDepartment(dept.id, changes).apply(design)
    return caught.value


@pytest.mark.parametrize(
    "changes, english, chinese",
    [
        ({"headcount": -3}, "headcount must not be below 0", "人数不能小于 0"),
        ({"budget": float("nan")}, "budget must be a finite number", "预算必须是小于"),
        ({"leader": 7}, "leader must be text", "负责人必须是文字"),
        ({"name": "长" * 100_000}, "name is longer than", "名称超过"),
        ({"color": "red"}, "is not of the form #rrggbb", "不是 #rrggbb 格式"),
    ],
)
def test_a_refused_value_says_why_in_both_languages(changes, english, chinese):
    error = _refusal(changes)
    assert english in str(error)  # the CLI's line stays English
    text = error.text("zh")
    assert chinese in text
    # no English word but the colour code and the literal value the user typed
    words = re.findall(r"[A-Za-z]{3,}", text.replace("#rrggbb", "").replace("'red'", ""))
    assert words == []
