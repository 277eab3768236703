"""Body B's foot in two bones (pure Python): the foot from the ankle to the ball, the toes from the ball to the
toe point. The squat's feet are rigid, so there the toes bone just rides with the foot; in the lunge a heel
rises by pivoting about the ball while the toes stay on the floor (vv_lunge_pose), which one rigid foot bone
cannot show and which the truth's toe point must follow."""
import vv_lunge_pose
import vv_skin
import vv_vec as v

# the shoe bends over this distance either side of the ball (metres at 1.75 m)
TOE_BLEND_M = 0.015


def foot_axes(leg):
    """Forward (towards the toes) and up (out of the sole) unit vectors of a leg's foot frame."""
    return v.mul(leg.foot.ey, -1.0), leg.foot.ez


def ball_point(dims, leg):
    """Ball of the foot on the sole, carried by the foot frame: the pivot of vv_lunge_pose's heel lift."""
    forward, up = foot_axes(leg)
    along = vv_lunge_pose.BALL_OF_FOOT_SHARE * dims.foot_length_m - dims.heel_back_m
    return v.add(leg.ankle, v.sub(v.mul(forward, along), v.mul(up, dims.ankle_height_m)))


def toes_bone(dims, leg):
    """(head, direction, hint, length) of the toes bone: ball -> the truth's toe point, z towards the foot's up."""
    ball = ball_point(dims, leg)
    direction = v.sub(leg.toe, ball)
    return ball, direction, foot_axes(leg)[1], v.norm(direction)


def toe_weight(dims, ball, co):
    """Share of the toes bone in a shoe vertex at co (rest pose: the foot points along -y), 0 behind the
    ball's blend, 1 ahead of it; the foot bone takes the rest."""
    blend = TOE_BLEND_M * dims.scale
    ahead = ball[1] - co[1]
    return vv_skin.smoothstep(-blend, blend, ahead)
