"""Hand-computed cases for body B's pure maths (vv_skin, vv_body_b). Run: python3 -m unittest discover samples/generator"""
import math
import unittest

import vv_body_b
import vv_skin
import vv_vec as v


class SkinWeightTests(unittest.TestCase):
    def test_smoothstep_is_zero_half_and_one(self):
        self.assertEqual(vv_skin.smoothstep(0.0, 2.0, -1.0), 0.0)
        self.assertAlmostEqual(vv_skin.smoothstep(0.0, 2.0, 1.0), 0.5)
        self.assertEqual(vv_skin.smoothstep(0.0, 2.0, 3.0), 1.0)

    def test_leg_weights_sum_to_one_and_hand_over_at_each_joint(self):
        l1, l2 = 0.43, 0.43
        for s in [i * 0.01 - 0.1 for i in range(100)]:
            w = vv_skin.leg_weights(s, l1, l2)
            self.assertAlmostEqual(sum(w.values()), 1.0)
            self.assertTrue(all(x >= 0 for x in w.values()))
        self.assertEqual(vv_skin.leg_weights(0.25, l1, l2), {"thigh": 1.0})
        knee = vv_skin.leg_weights(l1, l1, l2)  # exactly at the knee: half thigh, half shank
        self.assertAlmostEqual(knee["thigh"], 0.5)
        self.assertAlmostEqual(knee["shank"], 0.5)
        self.assertEqual(vv_skin.leg_weights(l1 + 0.2, l1, l2), {"shank": 1.0})
        self.assertEqual(vv_skin.leg_weights(-0.2, l1, l2), {"trunk": 1.0})
        self.assertEqual(vv_skin.leg_weights(l1 + l2 + 0.05, l1, l2), {"foot": 1.0})

    def test_arm_weights_sum_to_one(self):
        for s in [i * 0.01 - 0.08 for i in range(70)]:
            self.assertAlmostEqual(sum(vv_skin.arm_weights(s, 0.31).values()), 1.0)


class SectionTests(unittest.TestCase):
    def test_ellipse_radius_on_its_axes(self):
        knots = [(0.0, 0.05, 0.03), (1.0, 0.05, 0.03)]
        self.assertAlmostEqual(vv_skin.section_radius(knots, [], 0.5, 0.0), 0.03)  # anterior: ry
        self.assertAlmostEqual(vv_skin.section_radius(knots, [], 0.5, 90.0), 0.05)  # lateral: rx
        self.assertAlmostEqual(vv_skin.section_radius(knots, [], 0.5, -90.0), 0.05)

    def test_profile_eases_between_knots(self):
        knots = [(0.0, 0.02, 0.02), (1.0, 0.04, 0.06)]
        self.assertEqual(vv_skin.interpolate_profile(knots, -1.0), (0.02, 0.02))
        rx, ry = vv_skin.interpolate_profile(knots, 0.5)
        self.assertAlmostEqual(rx, 0.03)
        self.assertAlmostEqual(ry, 0.04)
        self.assertEqual(vv_skin.interpolate_profile(knots, 2.0), (0.04, 0.06))

    def test_bump_peaks_at_its_centre_and_wraps_around(self):
        b = vv_skin.Bump(0.3, 170.0, 0.01, 0.05, 20.0)
        self.assertAlmostEqual(b.at(0.3, 170.0), 0.01)
        self.assertAlmostEqual(b.at(0.3, -170.0), b.at(0.3, 150.0))  # 20 deg away either way round
        self.assertAlmostEqual(b.at(0.35, 170.0), 0.01 * math.exp(-0.5))

    def test_angle_diff_is_signed_and_smallest(self):
        self.assertAlmostEqual(vv_skin.angle_diff_deg(-170.0, 170.0), 20.0)
        self.assertAlmostEqual(vv_skin.angle_diff_deg(10.0, 350.0), 20.0)
        self.assertAlmostEqual(vv_skin.angle_diff_deg(0.0, 90.0), -90.0)


class BoneFrameTests(unittest.TestCase):
    def test_frame_is_orthonormal_right_handed_with_y_along_the_bone(self):
        m = vv_skin.bone_frame((1.0, 2.0, 3.0), (0.0, 0.0, -2.0), (0.1, -1.0, 0.3))
        x, y, z = ([m[r][c] for r in range(3)] for c in range(3))
        self.assertEqual([m[r][3] for r in range(3)], [1.0, 2.0, 3.0])
        for a, b in ((x, y), (y, z), (z, x)):
            self.assertAlmostEqual(v.dot(a, b), 0.0)
        self.assertAlmostEqual(v.norm(x), 1.0)
        for got, want in zip(y, (0.0, 0.0, -1.0)):
            self.assertAlmostEqual(got, want)
        for got, want in zip(v.cross(x, y), z):
            self.assertAlmostEqual(got, want)
        self.assertGreater(v.dot(z, (0.0, -1.0, 0.0)), 0.9)  # z follows the hint


class MeshTests(unittest.TestCase):
    def test_loft_of_a_cylinder_has_its_radius_and_closed_ends(self):
        b = vv_skin.MeshBuilder()
        vv_skin.loft(b, (0.0, 0.0, 0.0), (0.0, 0.0, -1.0), (1.0, 0.0, 0.0), (0.0, -1.0, 0.0), [0.0, 0.5, 1.0],
                     lambda s, t: 0.1, lambda s: {"thigh": 1.0}, lambda s, t: "skin", segments=8)
        self.assertEqual(len(b.verts), 3 * 8 + 2)
        self.assertEqual(len(b.faces), 2 * 8 + 2 * 8)
        for co in b.verts[:24]:
            self.assertAlmostEqual(math.hypot(co[0], co[1]), 0.1)
        # theta 0 is forward (-y), theta 90 is across (+x)
        self.assertAlmostEqual(b.verts[0][1], -0.1)
        self.assertAlmostEqual(b.verts[2][0], 0.1)

    def test_ellipsoid_points_lie_on_the_surface(self):
        b = vv_skin.MeshBuilder()
        vv_skin.ellipsoid(b, (1.0, 0.0, 0.0), (0.1, 0.2, 0.3), {"head": 1.0}, "skin", segments=8, rings=4)
        for x, y, z in b.verts:
            self.assertAlmostEqual(((x - 1.0) / 0.1) ** 2 + (y / 0.2) ** 2 + (z / 0.3) ** 2, 1.0)


class BodyBTests(unittest.TestCase):
    def test_builds_differ_in_proportion_and_masses_in_soft_tissue_only(self):
        f_light, f_heavy = vv_body_b.make("female", "light"), vv_body_b.make("female", "heavy")
        m_light = vv_body_b.make("male", "light")
        self.assertEqual(f_light.dims, f_heavy.dims)  # mass leaves the skeleton alone
        self.assertGreater(f_heavy.thigh_g, f_light.thigh_g)
        self.assertGreater(f_heavy.thigh_g / f_light.thigh_g, f_heavy.calf_g / f_light.calf_g)
        self.assertGreater(f_light.dims.hip_spacing_m / f_light.dims.leg_m, m_light.dims.hip_spacing_m / m_light.dims.leg_m)
        self.assertLess(f_light.dims.shoulder_half_width_m / 1.65, m_light.dims.shoulder_half_width_m / 1.80)

    def test_unknown_build_is_one_clear_error(self):
        with self.assertRaisesRegex(ValueError, "no build 'child'"):
            vv_body_b.make("child", "light")

    def test_knee_is_wider_medially_and_the_medial_malleolus_higher(self):
        body = vv_body_b.make("male", "light")
        knots, bumps = vv_body_b.leg_profile(body)
        l1, a = body.dims.thigh_m, body.dims.thigh_m + body.dims.shank_m
        r = lambda s, t: vv_skin.section_radius(knots, bumps, s, t)  # noqa: E731
        self.assertGreater(r(l1, -95.0), r(l1, 95.0))  # medial condyle more prominent
        s_patella = l1 - 0.012 * body.dims.scale
        self.assertGreater(r(s_patella, 0.0), vv_skin.section_radius(knots, [], s_patella, 0.0) + 0.01)  # kneecap
        medial_peak = max((r(a + ds / 1000, -80.0), ds) for ds in range(-30, 31))[1]
        lateral_peak = max((r(a + ds / 1000, 100.0), ds) for ds in range(-30, 31))[1]
        self.assertLess(medial_peak, lateral_peak)  # smaller s = higher up the leg
        # the calf bulges behind the upper shank
        self.assertGreater(r(l1 + 0.27 * body.dims.shank_m, -150.0), r(l1 + 0.27 * body.dims.shank_m, -30.0))


if __name__ == "__main__":
    unittest.main()
