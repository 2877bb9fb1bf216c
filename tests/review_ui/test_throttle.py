"""The login throttle, with a fake clock."""

from __future__ import annotations

from review_ui.throttle import LoginThrottle


def make_throttle() -> tuple[LoginThrottle, list[float]]:
    now = [0.0]
    return LoginThrottle(free=3, first=2.0, longest=60.0, clock=lambda: now[0]), now


def test_a_name_waits_longer_after_each_failure_past_the_free_ones():
    throttle, now = make_throttle()
    waits = []
    for _ in range(7):
        throttle.failed("Alice")
        waits.append(throttle.wait("alice "))
        now[0] += waits[-1]
    assert waits == [0, 0, 2, 4, 8, 16, 32]
    throttle.failed("alice")
    throttle.failed("alice")
    assert throttle.wait("ALICE") == 60  # capped


def test_other_names_are_never_held_by_one_names_failures():
    throttle, _ = make_throttle()
    for _ in range(10):
        throttle.failed("alice")
    assert throttle.wait("alice") > 0
    assert throttle.wait("bob") == 0


def test_a_success_clears_the_failures():
    throttle, _ = make_throttle()
    for _ in range(5):
        throttle.failed("alice")
    throttle.succeeded("alice")
    throttle.failed("alice")
    assert throttle.wait("alice") == 0
