"""Hand-computed cases for the truth maths. Run: python3 -m unittest discover samples/generator"""
import math
import unittest

import vv_camera
import vv_timeline
import vv_truth


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


if __name__ == "__main__":
    unittest.main()
