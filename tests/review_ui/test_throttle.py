"""The login throttle, with a fake clock."""

from __future__ import annotations

from review_ui.throttle import LoginThrottle


def make_throttle() -> tuple[LoginThrottle, list[float]]:
    now = [0.0]
    return LoginThrottle(limit=3, window=60.0, clock=lambda: now[0]), now


def test_a_name_is_blocked_after_the_limit_then_freed_by_time():
    throttle, now = make_throttle()
    for _ in range(3):
        assert not throttle.blocked("Alice", "10.0.0.1")
        throttle.failed("Alice", "10.0.0.1")
    assert throttle.blocked("alice ", "10.0.0.2")  # same name from elsewhere
    assert throttle.blocked("bob", "10.0.0.1")  # same address, another name
    assert not throttle.blocked("bob", "10.0.0.2")
    now[0] = 61.0
    assert not throttle.blocked("alice", "10.0.0.1")


def test_a_success_clears_the_failures():
    throttle, _ = make_throttle()
    for _ in range(2):
        throttle.failed("alice", "10.0.0.1")
    throttle.succeeded("alice", "10.0.0.1")
    throttle.failed("alice", "10.0.0.1")
    assert not throttle.blocked("alice", "10.0.0.1")
