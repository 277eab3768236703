"""Hand-computed cases for the truth maths. Run: python3 -m unittest discover samples/generator"""
import math
import unittest

import vv_body
import vv_camera
import vv_lunge_pose
import vv_lunge_timeline
import vv_lunge_truth
import vv_squat_pose
import vv_silhouette
import vv_timeline
import vv_truth
import vv_vec as v


class FppaTests(unittest.TestCase):
    def test_straight_leg_has_zero_fppa(self):
        self.assertAlmostEqual(vv_truth.fppa_deg((100, 100), (100, 200), (100, 300), (0, 100)), 0.0)

    def test_knee_medial_to_hip_ankle_line_is_valgus(self):
        # Left leg on the image's right, other hip at x=0: knee moved 100 px towards it over a
        # 100 px thigh and shank forms a right angle at the knee -> FPPA 90.
        self.assertAlmostEqual(vv_truth.fppa_deg((200, 100), (100, 200), (200, 300), (0, 100)), 90.0)

    def test_knee_lateral_to_hip_ankle_line_is_varus(self):
        # tan(30 deg) offset on both halves: included angle 120 -> magnitude 60, lateral -> negative.
        off = 100 * math.tan(math.radians(30))
        self.assertAlmostEqual(vv_truth.fppa_deg((200, 100), (200 + off, 200), (200, 300), (0, 100)), -60.0)


class SilhouetteTests(unittest.TestCase):
    @staticmethod
    def bar_mask(left_edge, right_edge, width=40, height=20):
        """A vertical bar covering x in [left_edge, right_edge], with exact partial coverage at its edges,
        stored bottom row first as RGBA like Blender's pixels."""
        pixels = [0.0] * (width * height * 4)
        for col in range(width):
            cover = max(0.0, min(col + 1, right_edge) - max(col, left_edge))
            for row in range(height):
                pixels[(row * width + col) * 4] = cover
        return vv_silhouette.CoverageMask(pixels, width, height, 0)

    def test_visible_centre_is_the_middle_of_a_bar(self):
        mask = self.bar_mask(10.3, 20.7)
        centre = vv_silhouette.visible_centre(mask, (13.0, 10.0), (0.0, -1.0))
        self.assertAlmostEqual(centre[0], 15.5, places=2)
        self.assertAlmostEqual(centre[1], 10.0, places=6)

    def test_joint_outside_its_limb_has_no_visible_centre(self):
        self.assertIsNone(vv_silhouette.visible_centre(self.bar_mask(10.3, 20.7), (30.0, 10.0), (0.0, -1.0)))


class HipAndPelvisTests(unittest.TestCase):
    def test_hip_lateral_of_ankle_is_positive_shift(self):
        # Stance hip at x=300, other hip at 200 (medial side is -x); ankle at 290; leg 400 px -> 2.5 %.
        self.assertAlmostEqual(vv_truth.hip_shift_pct((300, 0), (290, 400), (200, 0), 400.0), 2.5)

    def test_free_side_lower_is_positive_drop(self):
        self.assertAlmostEqual(vv_truth.pelvic_drop_deg((300, 100), (200, 200)), 45.0)


class CameraTests(unittest.TestCase):
    def test_aim_point_projects_to_image_centre(self):
        cam = vv_camera.orbit_camera(20, 1.3, 3.5, 0.9, 30)
        x, y = cam.project((0.0, 0.0, 0.9))
        self.assertAlmostEqual(x, 640.0)
        self.assertAlmostEqual(y, 360.0)

    def test_persons_left_appears_on_the_images_right(self):
        cam = vv_camera.orbit_camera(0, 0.9, 3.5, 0.9, 30)
        x, _ = cam.project((0.1, 0.0, 0.9))
        # focal 30 mm on a 36 mm sensor 1280 px wide = 1066.67 px; 0.1 m at 3.5 m -> 30.48 px
        self.assertAlmostEqual(x, 640.0 + 1066.6667 * 0.1 / 3.5, places=3)


class TimelineTests(unittest.TestCase):
    def test_three_reps_each_with_one_bottom_phase(self):
        phases = [vv_timeline.state(i) for i in range(vv_timeline.frame_count())]
        bottoms = {s.rep for s in phases if s.phase == "bottom"}
        self.assertEqual(bottoms, {1, 2, 3})
        self.assertTrue(all(s.depth == 1.0 for s in phases if s.phase == "bottom"))
        self.assertTrue(all(s.rep == 0 and s.depth == 0.0 for s in phases[:30]))


class SquatPoseTests(unittest.TestCase):
    body = vv_body.dimensions(vv_body.SHAPES["a"])

    def test_bones_keep_their_lengths_at_the_bottom(self):
        motion = vv_squat_pose.SquatMotion("left", valgus_rotation_deg=20, foot_roll_deg=10)
        pose = vv_squat_pose.body_pose(self.body, motion, 1.0, 1.0)
        for leg in (pose.left, pose.right):
            self.assertAlmostEqual(v.norm(v.sub(leg.knee, leg.hip)), self.body.thigh_m, places=9)
            self.assertAlmostEqual(v.norm(v.sub(leg.ankle, leg.knee)), self.body.shank_m, places=9)

    def test_knee_flexion_at_the_bottom_is_the_chosen_angle(self):
        pose = vv_squat_pose.body_pose(self.body, vv_squat_pose.SquatMotion("right"), 1.0, 1.0)
        leg = pose.right
        thigh, shank = v.unit(v.sub(leg.knee, leg.hip)), v.unit(v.sub(leg.ankle, leg.knee))
        self.assertAlmostEqual(math.degrees(math.acos(v.dot(thigh, shank))), 65.0, places=6)

    def test_valgus_rotation_moves_the_stance_knee_medially(self):
        neutral = vv_squat_pose.body_pose(self.body, vv_squat_pose.SquatMotion("left"), 1.0, 1.0)
        caved = vv_squat_pose.body_pose(self.body, vv_squat_pose.SquatMotion("left", valgus_rotation_deg=15), 1.0, 1.0)
        self.assertLess(caved.left.knee[0], neutral.left.knee[0])  # left leg: medial is -x

    def test_rolled_in_foot_moves_the_ankle_medially(self):
        flat = vv_squat_pose.body_pose(self.body, vv_squat_pose.SquatMotion("right"), 1.0, 1.0)
        rolled = vv_squat_pose.body_pose(self.body, vv_squat_pose.SquatMotion("right", foot_roll_deg=10), 1.0, 1.0)
        shift = rolled.right.ankle[0] - flat.right.ankle[0]
        # right leg: medial is +x; the ankle swings ankle height x sin(10 deg) across the foot, whose axis is
        # toed out by 5 deg, so cos(5 deg) of that is along x
        expected = self.body.ankle_height_m * math.sin(math.radians(10)) * math.cos(math.radians(5))
        self.assertAlmostEqual(shift, expected, places=9)


class LungeTests(unittest.TestCase):
    body = vv_body.dimensions(vv_body.SHAPES["a"])

    def test_tested_shank_reaches_the_chosen_inclination(self):
        motion = vv_lunge_pose.LungeMotion("left", 42.0)
        pose = vv_lunge_pose.lunge_pose(self.body, motion, 1.0, 1)
        self.assertAlmostEqual(vv_lunge_pose.tibia_deg(pose.left.knee, pose.left.ankle), 42.0, places=9)

    def test_heel_rises_only_in_the_heel_lift_attempt(self):
        motion = vv_lunge_pose.LungeMotion("right", 30.0, heel_lift_attempt=2)
        standing = vv_lunge_pose.lunge_pose(self.body, motion, 0.0, 0).right.heel[2]
        self.assertAlmostEqual(vv_lunge_pose.lunge_pose(self.body, motion, 1.0, 1).right.heel[2], standing)
        self.assertGreater(vv_lunge_pose.lunge_pose(self.body, motion, 1.0, 2).right.heel[2], standing + 0.01)

    def test_image_tibia_is_positive_towards_the_toes(self):
        # knee 100 px up and 100 px towards the toes -> 45 deg; away from the toes -> -45 deg
        self.assertAlmostEqual(vv_lunge_truth.image_tibia_deg((100, 0), (200, 100), (150, 110)), 45.0)
        self.assertAlmostEqual(vv_lunge_truth.image_tibia_deg((300, 0), (200, 100), (150, 110)), -45.0)

    def test_three_attempts_each_with_a_hold(self):
        holds = {vv_lunge_timeline.state(i).attempt for i in range(vv_lunge_timeline.frame_count())
                 if vv_lunge_timeline.state(i).phase == "hold"}
        self.assertEqual(holds, {1, 2, 3})


if __name__ == "__main__":
    unittest.main()
