"""The weight-bearing lunge clip's timeline in whole frames (30 fps): a second standing in split stance, then
3 attempts of 1 s forward (knee towards the wall), 0.3 s held, 1 s back and 0.4 s rest."""
import math
from dataclasses import dataclass

FPS = 30
STANDING_FRAMES = 30
FORWARD_FRAMES = 30
HOLD_FRAMES = 9
BACK_FRAMES = 30
REST_FRAMES = 12
TAIL_FRAMES = 10
ATTEMPTS = 3


@dataclass(frozen=True)
class LungeState:
    frame: int
    time_s: float
    progress: float  # 0 = standing in split stance, 1 = furthest forward
    attempt: int  # 0 outside attempts, else 1..ATTEMPTS
    phase: str  # standing | forward | hold | back


def frame_count():
    return STANDING_FRAMES + ATTEMPTS * (FORWARD_FRAMES + HOLD_FRAMES + BACK_FRAMES + REST_FRAMES) + TAIL_FRAMES


def _ease(x):
    return 0.5 - 0.5 * math.cos(math.pi * x)


def state(frame):
    if frame < 0 or frame >= frame_count():
        raise ValueError(f"frame {frame} is outside the clip's 0..{frame_count() - 1}")
    t = frame / FPS
    k = frame - STANDING_FRAMES
    step = FORWARD_FRAMES + HOLD_FRAMES + BACK_FRAMES + REST_FRAMES
    if k < 0 or k >= ATTEMPTS * step:
        return LungeState(frame, t, 0.0, 0, "standing")
    attempt, k = k // step + 1, k % step
    if k < FORWARD_FRAMES:
        return LungeState(frame, t, _ease((k + 1) / (FORWARD_FRAMES + 1)), attempt, "forward")
    k -= FORWARD_FRAMES
    if k < HOLD_FRAMES:
        return LungeState(frame, t, 1.0, attempt, "hold")
    k -= HOLD_FRAMES
    if k < BACK_FRAMES:
        return LungeState(frame, t, _ease(1.0 - (k + 1) / (BACK_FRAMES + 1)), attempt, "back")
    return LungeState(frame, t, 0.0, 0, "standing")
