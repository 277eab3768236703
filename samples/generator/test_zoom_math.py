"""The truth of a cropped and scaled clip (vv_zoom). Run: python3 -m unittest discover samples/generator"""
import unittest

import resolution_table
import vv_truth
import vv_zoom


class ZoomTests(unittest.TestCase):
    HEADER = ["frame", "stance", "left_hip_x", "left_hip_y", "left_knee_x", "left_knee_y", "left_ankle_x",
              "left_ankle_y", "right_hip_x", "right_hip_y", "left_fppa_deg", "left_knee_visible_x", "depth_pct"]

    def test_positions_move_by_the_crop_and_scale_and_the_rest_stays(self):
        row = ["7", "left", "700.0", "300.0", "690.0", "420.0", "700.0", "540.0", "580.0", "300.0", "4.5", "", "12.0"]
        out = vv_zoom.zoom_row(self.HEADER, row, 320.0, 180.0, 0.5)
        self.assertEqual(out[:2], ["7", "left"])
        self.assertEqual(out[2:4], ["190.000", "60.000"])  # (700 - 320) / 2, (300 - 180) / 2
        self.assertEqual(out[10:], ["4.5", "", "12.0"])  # angle, an empty visible centre and a % untouched

    def test_fppa_of_the_zoomed_points_is_unchanged(self):
        row = ["0", "left", "700.0", "300.0", "690.0", "420.0", "700.0", "540.0", "580.0", "300.0", "", "", ""]
        out = [float(x) for x in vv_zoom.zoom_row(self.HEADER, row, 123.0, 45.0, 0.37)[2:10]]
        before = vv_truth.fppa_deg((700, 300), (690, 420), (700, 540), (580, 300))
        after = vv_truth.fppa_deg(out[0:2], out[2:4], out[4:6], out[6:8])
        self.assertAlmostEqual(before, after, places=2)

    def test_the_image_corner_is_the_origin(self):
        # the crop's top-left corner maps to (0, 0); the centre of its first pixel to (0.5, 0.5) at scale 1
        out = vv_zoom.zoom_row(["a_x", "a_y"], ["100.5", "50.5"], 100.0, 50.0, 1.0)
        self.assertEqual(out, ["0.500", "0.500"])


class BandTests(unittest.TestCase):
    def test_bands_split_at_150_and_300_px(self):
        self.assertEqual(resolution_table.band_of(149.9), "< 150 px")
        self.assertEqual(resolution_table.band_of(150.0), "150–300 px")
        self.assertEqual(resolution_table.band_of(300.0), "≥ 300 px")

    def test_summary_is_mean_absolute_signed_mean_and_worst(self):
        self.assertEqual(resolution_table.summary([1.0, -3.0]), "2.0° / -1.0° / 3.0°")


if __name__ == "__main__":
    unittest.main()
