"""The single-leg squat's timeline in whole frames (30 fps), so phases never depend on float rounding.

0.3 s on both feet, 0.5 s lifting the free foot, 0.2 s still on one leg (the standing second), then
3 reps of 15 frames down, 3 at the bottom, 15 up, with 5 standing frames between reps and 10 after."""
import math
from dataclasses import dataclass

FPS = 30
BOTH_FEET_FRAMES = 9
LIFT_FRAMES = 15
HOLD_FRAMES = 6
DOWN_FRAMES = 15
BOTTOM_FRAMES = 3
UP_FRAMES = 15
PAUSE_FRAMES = 5
TAIL_FRAMES = 10
REPS = 3


@dataclass(frozen=True)
class FrameState:
    frame: int
    time_s: float
    lift: float  # 0 = both feet down, 1 = free foot fully lifted
    depth: float  # 0 = standing, 1 = bottom of the squat
    rep: int  # 0 outside reps, else 1..REPS
    phase: str  # standing | down | bottom | up
    rep_start_frame: int  # start of the current rep (or the nearest one, outside reps): truth baselines


def _ease(x):
    """Cosine ease 0 → 1: zero velocity at both ends, like a controlled squat."""
    return 0.5 - 0.5 * math.cos(math.pi * x)


def frame_count():
    rep = DOWN_FRAMES + BOTTOM_FRAMES + UP_FRAMES
    return BOTH_FEET_FRAMES + LIFT_FRAMES + HOLD_FRAMES + REPS * rep + (REPS - 1) * PAUSE_FRAMES + TAIL_FRAMES


def rep_start_frames():
    first = BOTH_FEET_FRAMES + LIFT_FRAMES + HOLD_FRAMES
    step = DOWN_FRAMES + BOTTOM_FRAMES + UP_FRAMES + PAUSE_FRAMES
    return [first + i * step for i in range(REPS)]


def state(frame):
    if frame < 0 or frame >= frame_count():
        raise ValueError(f"frame {frame} is outside the clip's 0..{frame_count() - 1}")
    t = frame / FPS
    starts = rep_start_frames()
    if frame < BOTH_FEET_FRAMES + LIFT_FRAMES + HOLD_FRAMES:
        lift = 0.0
        if frame >= BOTH_FEET_FRAMES:
            lift = _ease(min(1.0, (frame - BOTH_FEET_FRAMES + 1) / LIFT_FRAMES))
        return FrameState(frame, t, lift, 0.0, 0, "standing", starts[0])
    nearest_start = starts[0]
    for i, start in enumerate(starts):
        if frame >= start:
            nearest_start = start
        k = frame - start
        if 0 <= k < DOWN_FRAMES:
            return FrameState(frame, t, 1.0, _ease((k + 1) / (DOWN_FRAMES + 1)), i + 1, "down", start)
        k -= DOWN_FRAMES
        if 0 <= k < BOTTOM_FRAMES:
            return FrameState(frame, t, 1.0, 1.0, i + 1, "bottom", start)
        k -= BOTTOM_FRAMES
        if 0 <= k < UP_FRAMES:
            return FrameState(frame, t, 1.0, _ease(1.0 - (k + 1) / (UP_FRAMES + 1)), i + 1, "up", start)
    return FrameState(frame, t, 1.0, 0.0, 0, "standing", nearest_start)
