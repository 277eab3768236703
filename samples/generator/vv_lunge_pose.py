"""Kinematics of the weight-bearing lunge (knee-to-wall test) seen from the side.

The tested foot stays flat (or, in the heel-lift attempt, pivots up about the ball of the foot); its shank
tilts forward to the chosen tibial inclination (angle of knee minus ankle from the vertical, in the sagittal
plane); the thigh leans back so the trunk stays over the feet. The other foot stands behind on its toes and
its knee is placed by two-link inverse kinematics. Coordinates as in vv_squat_pose."""
import math
from dataclasses import dataclass

import vv_squat_pose as sp
import vv_vec as v

STANDING_TIBIA_DEG = 10.0
STANDING_THIGH_BACK_DEG = 30.0
PEAK_THIGH_BACK_DEG = 55.0
REAR_FOOT_BEHIND_LEGS = 0.45  # rear foot's distance behind the tested foot, in leg lengths
REAR_HEEL_LIFT_DEG = 40.0
BALL_OF_FOOT_SHARE = 0.72  # ball of the foot, as a share of foot length from the heel


@dataclass(frozen=True)
class LungeMotion:
    side: str  # tested (front) leg
    peak_tibia_deg: float = 40.0
    heel_lift_attempt: int = 0  # 1..3: in that attempt the heel rises; 0: never
    heel_lift_deg: float = 12.0  # foot pitch at that attempt's furthest point
    extra_tibia_with_heel_lift_deg: float = 6.0  # the shank goes further as the heel comes up
    trunk_lean_deg: float = 5.0


def _pivoted_foot(body, floor, heel_lift_rad):
    """Ankle, heel, toe and foot axes of a forward-pointing foot whose heel is raised by pivoting about the
    ball of the foot."""
    forward = (0.0, -1.0, 0.0)
    heel0 = v.add(floor, v.mul(forward, -body.heel_back_m))
    ball = v.add(heel0, v.mul(forward, BALL_OF_FOOT_SHARE * body.foot_length_m))

    def lift(p):
        return v.add(ball, v.rot_x(v.sub(p, ball), heel_lift_rad))

    ankle = lift(v.add(floor, (0.0, 0.0, body.ankle_height_m)))
    heel = lift(v.add(heel0, (0.0, 0.0, 0.45 * body.ankle_height_m)))
    toe = v.add(floor, v.add(v.mul(forward, body.foot_length_m - body.heel_back_m),
                             (0.0, 0.0, 0.3 * body.ankle_height_m)))
    f = v.rot_x(forward, heel_lift_rad)
    up = v.rot_x((0.0, 0.0, 1.0), heel_lift_rad)
    return ankle, heel, toe, sp.Frame3(ankle, (1.0, 0.0, 0.0), v.mul(f, -1.0), up)


def _two_link_knee(hip, ankle, l1, l2):
    d_vec = v.sub(ankle, hip)
    d = min(v.norm(d_vec), 0.999 * (l1 + l2))
    u = v.unit(d_vec)
    a = (l1 * l1 - l2 * l2 + d * d) / (2 * d)
    r = math.sqrt(max(0.0, l1 * l1 - a * a))
    f = (0.0, -1.0, 0.0)
    p = v.unit(v.sub(f, v.mul(u, v.dot(f, u))))
    return v.add(v.add(hip, v.mul(u, a)), v.mul(p, r)), p


def tibia_deg(knee, ankle):
    """Sagittal inclination of the shank from the vertical, positive with the knee forward (-y)."""
    return math.degrees(math.atan2(-(knee[1] - ankle[1]), knee[2] - ankle[2]))


def lunge_pose(body, motion, progress, attempt):
    sgn = 1.0 if motion.side == "left" else -1.0
    lifting = attempt != 0 and attempt == motion.heel_lift_attempt
    heel_lift = math.radians(motion.heel_lift_deg * progress) if lifting else 0.0
    peak = motion.peak_tibia_deg + (motion.extra_tibia_with_heel_lift_deg if lifting else 0.0)
    tau = math.radians(STANDING_TIBIA_DEG + (peak - STANDING_TIBIA_DEG) * progress)
    beta = math.radians(STANDING_THIGH_BACK_DEG + (PEAK_THIGH_BACK_DEG - STANDING_THIGH_BACK_DEG) * progress)
    w = body.hip_spacing_m
    ankle, heel, toe, foot = _pivoted_foot(body, (sgn * w / 2, 0.0, 0.0), heel_lift)
    knee = v.add(ankle, v.mul((0.0, -math.sin(tau), math.cos(tau)), body.shank_m))
    hip = v.add(knee, v.mul((0.0, math.sin(beta), math.cos(beta)), body.thigh_m))
    knee_fwd = v.unit((0.0, -math.cos((tau - beta) / 2), math.sin((tau - beta) / 2)))
    front = sp.LegPose(hip, knee, ankle, heel, toe, knee_fwd, foot)
    rear_floor = (-sgn * w / 2, REAR_FOOT_BEHIND_LEGS * body.leg_m, 0.0)
    r_ankle, r_heel, r_toe, r_foot = _pivoted_foot(body, rear_floor, math.radians(REAR_HEEL_LIFT_DEG))
    r_hip = v.add(hip, (-sgn * w, 0.0, 0.0))
    r_knee, r_fwd = _two_link_knee(r_hip, r_ankle, body.thigh_m, body.shank_m)
    rear = sp.LegPose(r_hip, r_knee, r_ankle, r_heel, r_toe, r_fwd, r_foot)
    left, right = (front, rear) if motion.side == "left" else (rear, front)
    return sp.with_upper_body(body, left, right, motion.trunk_lean_deg)
