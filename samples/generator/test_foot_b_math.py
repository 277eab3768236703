"""Body B's two-bone foot (vv_foot_b) on the squat's rigid feet and the lunge's heel lift.
Run: python3 -m unittest discover samples/generator"""
import unittest

import vv_body_b
import vv_foot_b
import vv_lunge_pose
import vv_squat_pose
import vv_vec as v


def local(leg, point):
    """point in the leg's foot frame (ex, ey, ez about the ankle)."""
    d = v.sub(point, leg.ankle)
    return tuple(v.dot(d, axis) for axis in (leg.foot.ex, leg.foot.ey, leg.foot.ez))


class BallPointTests(unittest.TestCase):
    def setUp(self):
        self.dims = vv_body_b.make("male", "heavy").dims

    def test_ball_is_the_lunge_pivot_and_stays_put_as_the_heel_rises(self):
        motion = vv_lunge_pose.LungeMotion("right", 30.0, heel_lift_attempt=3)
        flat = vv_lunge_pose.lunge_pose(self.dims, motion, 1.0, 1).right
        lifted = vv_lunge_pose.lunge_pose(self.dims, motion, 1.0, 3).right
        self.assertGreater(lifted.heel[2], flat.heel[2] + 0.02)  # the heel did rise
        for a, b in zip(vv_foot_b.ball_point(self.dims, flat), vv_foot_b.ball_point(self.dims, lifted)):
            self.assertAlmostEqual(a, b, places=12)
        # on the floor, 72 % of the foot's length ahead of the heel's back
        ball = vv_foot_b.ball_point(self.dims, flat)
        self.assertAlmostEqual(ball[2], 0.0, places=12)
        heel_back_y = flat.ankle[1] + self.dims.heel_back_m
        self.assertAlmostEqual(heel_back_y - ball[1], 0.72 * self.dims.foot_length_m, places=12)

    def test_rear_foot_toes_bone_reaches_the_floor_toe_with_its_rest_length(self):
        motion = vv_lunge_pose.LungeMotion("left", 42.0)
        rear = vv_lunge_pose.lunge_pose(self.dims, motion, 1.0, 1).right  # on its toes, heel up 40 deg
        front_flat = vv_lunge_pose.lunge_pose(self.dims, motion, 0.0, 0).left
        head, direction, _, length = vv_foot_b.toes_bone(self.dims, rear)
        tail = v.add(head, v.mul(v.unit(direction), length))
        for a, b in zip(tail, rear.toe):
            self.assertAlmostEqual(a, b, places=12)
        # the toes lie flat: the bone is as long as on a flat foot, so a rigid bone of rest length reaches the toe
        self.assertAlmostEqual(length, vv_foot_b.toes_bone(self.dims, front_flat)[3], places=12)

    def test_squat_toes_ride_rigidly_with_the_foot(self):
        motion = vv_squat_pose.SquatMotion(stance="left", foot_roll_deg=8.0)
        stand = vv_squat_pose.body_pose(self.dims, motion, 0.0, 0.0)
        bottom = vv_squat_pose.body_pose(self.dims, motion, 1.0, 1.0)
        for leg_name in ("left", "right"):  # the stance foot rolls, the free foot plantarflexes
            a, b = getattr(stand, leg_name), getattr(bottom, leg_name)
            for p, q in ((vv_foot_b.ball_point(self.dims, a), vv_foot_b.ball_point(self.dims, b)), (a.toe, b.toe)):
                for x, y in zip(local(a, p), local(b, q)):
                    self.assertAlmostEqual(x, y, places=9)


class ToeWeightTests(unittest.TestCase):
    def test_behind_the_ball_is_foot_ahead_is_toes_and_half_at_the_ball(self):
        dims = vv_body_b.make("female", "light").dims
        ball = (0.1, -0.12, 0.0)
        blend = vv_foot_b.TOE_BLEND_M * dims.scale
        self.assertEqual(vv_foot_b.toe_weight(dims, ball, (0.1, -0.12 + 1.01 * blend, 0.02)), 0.0)
        self.assertAlmostEqual(vv_foot_b.toe_weight(dims, ball, (0.1, -0.12, 0.02)), 0.5)
        self.assertEqual(vv_foot_b.toe_weight(dims, ball, (0.1, -0.12 - 1.01 * blend, 0.02)), 1.0)


if __name__ == "__main__":
    unittest.main()
