"""Image-plane metrics of the truth, computed exactly as docs/metrics.md defines them."""
import math


def fppa_deg(hip, knee, ankle, other_hip):
    """180 minus the included angle at the knee; positive (valgus) when the knee lies on the same side of
    the hip-ankle line as the other hip."""
    ax, ay = hip[0] - knee[0], hip[1] - knee[1]
    bx, by = ankle[0] - knee[0], ankle[1] - knee[1]
    la, lb = math.hypot(ax, ay), math.hypot(bx, by)
    if la == 0 or lb == 0:
        raise ValueError("FPPA needs a thigh and a shank of non-zero length")
    cosine = max(-1.0, min(1.0, (ax * bx + ay * by) / (la * lb)))
    magnitude = 180.0 - math.degrees(math.acos(cosine))
    side_knee = _side(hip, ankle, knee)
    side_other = _side(hip, ankle, other_hip)
    if side_knee == 0:
        return 0.0
    return magnitude if side_knee == side_other else -magnitude


def _side(a, b, p):
    c = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    return (c > 0) - (c < 0)


def leg_length_px(hip, ankle):
    return math.hypot(hip[0] - ankle[0], hip[1] - ankle[1])


def hip_shift_pct(stance_hip, stance_ankle, other_hip, leg_px):
    """Horizontal offset of the stance hip from the stance ankle, positive away from the midline (the side
    away from the other hip), in % of leg length."""
    lateral = 1.0 if stance_hip[0] >= other_hip[0] else -1.0
    return 100.0 * lateral * (stance_hip[0] - stance_ankle[0]) / leg_px


def pelvic_drop_deg(stance_hip, free_hip):
    """Angle of the hip line against the image horizontal; positive when the free (lifted-leg) side is
    lower, i.e. further down the image."""
    return math.degrees(math.atan2(free_hip[1] - stance_hip[1], abs(free_hip[0] - stance_hip[0])))


def depth_pct(mid_hip_y, standing_mid_hip_y, leg_px):
    return 100.0 * (mid_hip_y - standing_mid_hip_y) / leg_px
