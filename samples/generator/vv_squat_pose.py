"""Forward kinematics of the single-leg squat: where every joint of the rendered person is, per frame.

World: metres, x = the person's left, y = backwards (away from the camera), z = up; the person faces -y.
The stance foot stays flat on the floor. The stance hip is placed from the squat depth (knee flexion
by the law of cosines), the chosen lateral hip shift and a backward sit; the knee then lies on the
circle around the hip-ankle axis, and valgus is a rotation of the knee about that axis towards the
midline: exactly what hip adduction with internal rotation does to a leg whose hip and foot are fixed."""
import math
from dataclasses import dataclass

import vv_vec as v


@dataclass(frozen=True)
class SquatMotion:
    stance: str  # "left" or "right"
    peak_knee_flexion_deg: float = 65.0
    valgus_rotation_deg: float = 0.0  # knee rotation about the hip-ankle axis at the bottom; + = medial
    hip_shift_pct: float = 4.0  # extra lateral hip shift at the bottom, % of leg length
    pelvic_drop_deg: float = 3.0  # free side lower at the bottom
    trunk_lean_deg: float = 20.0  # forward at the bottom
    foot_roll_deg: float = 0.0  # stance foot rolled in (everted) at the bottom
    toe_out_deg: float = 5.0
    shank_share: float = 0.4  # part of knee flexion taken by the shank's forward tilt (ankle dorsiflexion)


@dataclass(frozen=True)
class Frame3:
    """Three unit axes (person's left, backwards, up of the segment) and an origin, in world metres."""
    origin: tuple
    ex: tuple
    ey: tuple
    ez: tuple


@dataclass(frozen=True)
class LegPose:
    hip: tuple
    knee: tuple
    ankle: tuple
    heel: tuple
    toe: tuple
    knee_forward: tuple  # unit vector from the knee centre to the kneecap
    foot: Frame3  # origin at the ankle; ey = backwards along the foot, ez = up out of the sole


@dataclass(frozen=True)
class BodyPose:
    left: LegPose
    right: LegPose
    trunk: Frame3  # origin at mid-hip
    head: Frame3  # origin at the head's centre
    shoulders: dict  # side -> shoulder joint
    elbows: dict
    wrists: dict


# The free leg hangs with the knee bent to 90 degrees and the foot behind, slightly abducted (a common
# clinical set-up): held in front it would cross in front of the stance knee and hide its silhouette.
FREE_HIP_FLEXION_DEG = 10.0
FREE_HIP_FLEXION_AT_DEPTH_DEG = 15.0
FREE_HIP_ABDUCTION_DEG = 12.0
FREE_KNEE_FLEXION_DEG = 90.0
FREE_FOOT_PLANTARFLEXION_DEG = 15.0
LIFT_HIP_SHIFT_M = 0.02  # the pelvis moves over the stance foot as the other foot leaves the floor
HIP_SIT_BACK_SHARE = 1.0
ARM_ABDUCTION_DEG = 22.0
ARM_FORWARD_DEG = 10.0
ELBOW_FLEXION_DEG = 20.0


def _side_sign(side):
    return 1.0 if side == "left" else -1.0


def _foot_axes(side, toe_out_deg, pitch_deg, roll_deg):
    """Forward and up unit vectors of a foot: toed out laterally, pitched toes-down, rolled medially."""
    sgn = _side_sign(side)
    toe_out = math.radians(toe_out_deg)
    forward = (sgn * math.sin(toe_out), -math.cos(toe_out), 0.0)
    up = (0.0, 0.0, 1.0)
    lateral_axis = v.unit(v.cross(forward, up))
    pitch = math.radians(pitch_deg)
    forward = v.rot_axis(forward, lateral_axis, pitch)
    up = v.rot_axis(up, lateral_axis, pitch)
    if forward[2] > 1e-12 and pitch_deg > 0:  # rotation sense check: toes must go down
        forward = v.rot_axis(forward, lateral_axis, -2 * pitch)
        up = v.rot_axis(up, lateral_axis, -2 * pitch)
    roll = math.radians(roll_deg)
    rolled = v.rot_axis(up, forward, roll)
    if roll_deg != 0 and rolled[0] * (-sgn) < 0:  # medial = towards the midline
        rolled = v.rot_axis(up, forward, -roll)
    return forward, rolled


def _foot_frame(ankle, forward, up):
    ey = v.mul(forward, -1.0)
    ex = v.unit(v.cross(ey, up))
    return Frame3(ankle, ex, ey, up)


def _heel_toe(body, floor_point, forward, up):
    heel = v.add(v.add(floor_point, v.mul(forward, -body.heel_back_m)), v.mul(up, 0.45 * body.ankle_height_m))
    toe = v.add(v.add(floor_point, v.mul(forward, body.foot_length_m - body.heel_back_m)),
                v.mul(up, 0.3 * body.ankle_height_m))
    return heel, toe


def stance_leg(body, motion, lift, depth):
    sgn = _side_sign(motion.stance)
    floor = (sgn * body.hip_spacing_m / 2, 0.0, 0.0)
    forward, up = _foot_axes(motion.stance, motion.toe_out_deg, 0.0, motion.foot_roll_deg * depth)
    ankle = v.add(floor, v.mul(up, body.ankle_height_m))
    l1, l2 = body.thigh_m, body.shank_m
    flex = math.radians(motion.peak_knee_flexion_deg * depth)
    alpha = motion.shank_share * flex
    # Sagittal offset of the hip behind the ankle when the shank tilts forward by alpha
    # and the thigh leans forward by flex - alpha.
    sit_back = HIP_SIT_BACK_SHARE * (l1 * math.sin(flex - alpha) - l2 * math.sin(alpha))
    lateral = LIFT_HIP_SHIFT_M * lift + motion.hip_shift_pct / 100.0 * body.leg_m * depth
    d = math.sqrt(l1 * l1 + l2 * l2 + 2 * l1 * l2 * math.cos(flex))
    vertical = math.sqrt(max(0.0, d * d - lateral * lateral - sit_back * sit_back))
    hip = v.add(ankle, (sgn * lateral, sit_back, vertical))
    axis = v.unit(v.sub(hip, ankle))
    a = (l2 * l2 - l1 * l1 + d * d) / (2 * d)  # distance from the ankle along the axis to the knee's circle
    r = math.sqrt(max(0.0, l2 * l2 - a * a))
    fwd = (0.0, -1.0, 0.0)
    p = v.unit(v.sub(fwd, v.mul(axis, v.dot(fwd, axis))))
    q = v.unit(v.cross(axis, p))
    if q[0] * (-sgn) < 0:  # q must point medially
        q = v.mul(q, -1.0)
    phi = math.radians(motion.valgus_rotation_deg * depth)
    radial = v.add(v.mul(p, math.cos(phi)), v.mul(q, math.sin(phi)))
    knee = v.add(v.add(ankle, v.mul(axis, a)), v.mul(radial, r))
    heel, toe = _heel_toe(body, floor, forward, up)
    return LegPose(hip, knee, ankle, heel, toe, radial, _foot_frame(ankle, forward, up))


def free_leg(body, motion, stance, lift, depth):
    side = "right" if motion.stance == "left" else "left"
    sgn = _side_sign(motion.stance)
    drop = math.radians(motion.pelvic_drop_deg * depth)
    w = body.hip_spacing_m
    hip = v.add(stance.hip, (-sgn * w * math.cos(drop), 0.0, -w * math.sin(drop)))
    bh = math.radians(FREE_HIP_FLEXION_DEG * lift + FREE_HIP_FLEXION_AT_DEPTH_DEG * depth)
    bk = math.radians(FREE_KNEE_FLEXION_DEG * lift)
    thigh_dir = (0.0, -math.sin(bh), -math.cos(bh))
    shank_dir = (0.0, -math.sin(bh - bk), -math.cos(bh - bk))
    knee_forward = (0.0, -math.cos(bh - bk * 0.5), math.sin(bh - bk * 0.5))
    # abduction: the whole leg swings outwards (away from the stance side) about the forward axis
    abduct = math.radians(FREE_HIP_ABDUCTION_DEG * lift)
    out = -sgn
    thigh_dir, shank_dir, knee_forward = (v.rot_y(d, -out * abduct) for d in (thigh_dir, shank_dir, knee_forward))
    knee = v.add(hip, v.mul(thigh_dir, body.thigh_m))
    ankle = v.add(knee, v.mul(shank_dir, body.shank_m))
    forward, up = _foot_axes(side, motion.toe_out_deg, FREE_FOOT_PLANTARFLEXION_DEG * lift, 0.0)
    floor = v.sub(ankle, v.mul(up, body.ankle_height_m))
    heel, toe = _heel_toe(body, floor, forward, up)
    return LegPose(hip, knee, ankle, heel, toe, knee_forward, _foot_frame(ankle, forward, up))


def _trunk(left_hip, right_hip, lean_deg):
    ex = v.unit(v.sub(left_hip, right_hip))
    up0 = v.unit(v.sub((0.0, 0.0, 1.0), v.mul(ex, ex[2])))
    ez = v.rot_axis(up0, ex, math.radians(lean_deg))
    ey = v.cross(ez, ex)
    return Frame3(v.mul(v.add(left_hip, right_hip), 0.5), ex, ey, ez)


def _to_world(frame, local):
    return v.add(frame.origin, v.add(v.add(v.mul(frame.ex, local[0]), v.mul(frame.ey, local[1])),
                                     v.mul(frame.ez, local[2])))


def _direction_to_world(frame, local):
    return v.add(v.add(v.mul(frame.ex, local[0]), v.mul(frame.ey, local[1])), v.mul(frame.ez, local[2]))


def body_pose(body, motion, lift, depth):
    stance = stance_leg(body, motion, lift, depth)
    free = free_leg(body, motion, stance, lift, depth)
    left, right = (stance, free) if motion.stance == "left" else (free, stance)
    return with_upper_body(body, left, right, motion.trunk_lean_deg * depth)


def with_upper_body(body, left, right, lean_deg):
    """Trunk, head and arms on top of two placed legs; the trunk leans forward by lean_deg."""
    lean = lean_deg
    trunk = _trunk(left.hip, right.hip, lean)
    # The head stays nearer upright than the trunk: people keep looking ahead while they lean.
    neck = _to_world(trunk, (0.0, 0.0, body.shoulder_above_hip_m + 0.07 * body.scale))
    head_ez = v.rot_axis(trunk.ez, trunk.ex, -math.radians(0.7 * lean))
    head_ey = v.cross(head_ez, trunk.ex)
    head_centre = v.add(neck, v.add(v.mul(head_ez, 0.13 * body.scale), v.mul(head_ey, -0.01 * body.scale)))
    head = Frame3(head_centre, trunk.ex, head_ey, head_ez)
    shoulders, elbows, wrists = {}, {}, {}
    for side, sgn in (("left", 1.0), ("right", -1.0)):
        shoulder = _to_world(trunk, (sgn * body.shoulder_half_width_m * 0.88, 0.0, body.shoulder_above_hip_m))
        ab, fw = math.radians(ARM_ABDUCTION_DEG), math.radians(ARM_FORWARD_DEG)
        upper = v.unit((sgn * math.sin(ab), -math.sin(fw), -math.cos(ab)))
        # rotating a downward arm by a negative angle about +x swings the hand forward (-y)
        fore = v.unit(v.rot_axis(upper, (1.0, 0.0, 0.0), math.radians(-ELBOW_FLEXION_DEG)))
        elbow = v.add(shoulder, v.mul(_direction_to_world(trunk, upper), body.upper_arm_m))
        wrist = v.add(elbow, v.mul(_direction_to_world(trunk, fore), body.forearm_m))
        shoulders[side], elbows[side], wrists[side] = shoulder, elbow, wrist
    return BodyPose(left, right, trunk, head, shoulders, elbows, wrists)
