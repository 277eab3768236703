"""The rendered person: body parts as rigid objects, each bound to one segment of the kinematic rig in
vv_squat_pose (a rigid-segment rig: no skinning, so no mesh can bulge off a joint when it bends).

Parts of each leg carry the custom property "leg" = "left" | "right"; the mask pass colours them."""
import math

import mathutils

import vv_mesh as m
import vv_vec as v


def _matrix(origin, ex, ey, ez):
    return mathutils.Matrix((
        (ex[0], ey[0], ez[0], origin[0]),
        (ex[1], ey[1], ez[1], origin[1]),
        (ex[2], ey[2], ez[2], origin[2]),
        (0.0, 0.0, 0.0, 1.0)))


def segment_matrix(start, end, hint):
    """Local +z along start -> end, origin at start."""
    ez = v.unit(v.sub(end, start))
    ex = v.unit(v.cross(hint, ez))
    ey = v.cross(ez, ex)
    return _matrix(start, ex, ey, ez)


def point_matrix(point, frame):
    return _matrix(point, frame.ex, frame.ey, frame.ez)


class Figure:
    def __init__(self, body, clothes, palette):
        self.body = body
        self.clothes = clothes
        self.parts = []  # (object, callable(pose) -> Matrix)
        k, g = body.scale, body.girth
        self.mat = {
            "skin": m.material("skin", palette["skin"], 0.45),
            "shirt": m.material("shirt", palette["shirt"], 0.8, sheen=0.3),
            "shorts": m.material("shorts", palette["shorts"], 0.85, sheen=0.3),
            "hair": m.material("hair", palette["hair"], 0.6),
            "shoe": m.material("shoe", (0.85, 0.85, 0.87), 0.5),
            "sole": m.material("sole", (0.12, 0.12, 0.13), 0.7),
            "sock": m.material("sock", (0.92, 0.92, 0.92), 0.9),
            "eye_white": m.material("eye_white", (0.9, 0.9, 0.88), 0.2),
            "iris": m.material("iris", (0.08, 0.05, 0.03), 0.2),
            "brow": m.material("brow", palette["hair"], 0.8),
            "lips": m.material("lips", (0.55, 0.22, 0.2), 0.4),
        }
        for side in ("left", "right"):
            self._leg(side, k, g)
            self._arm(side, k, g)
        self._trunk(k, g)
        self._head(k)

    def _add(self, obj, place, leg=None):
        if leg is not None:
            obj["leg"] = leg
        self.parts.append((obj, place))
        return obj

    # ---- legs ---------------------------------------------------------------------------------
    def _leg(self, side, k, g):
        b = self.body
        l1, l2 = b.thigh_m, b.shank_m
        r_knee, r_ankle = 0.05 * k * g, 0.034 * k * g
        thigh = [(-0.02 * k, 0.082 * k * g, 0.082 * k * g), (0.0, 0.085 * k * g, 0.085 * k * g),
                 (0.35 * l1, 0.077 * k * g, 0.077 * k * g), (0.7 * l1, 0.064 * k * g, 0.064 * k * g),
                 (0.9 * l1, 0.055 * k * g, 0.055 * k * g), (l1, r_knee, r_knee)]
        shank = [(0.0, r_knee, r_knee), (0.12 * l2, 0.05 * k * g, 0.05 * k * g),
                 (0.3 * l2, 0.055 * k * g, 0.055 * k * g), (0.55 * l2, 0.047 * k * g, 0.047 * k * g),
                 (0.8 * l2, 0.036 * k * g, 0.036 * k * g), (l2, r_ankle, r_ankle)]

        def leg_of(pose):
            return pose.left if side == "left" else pose.right

        def thigh_place(pose):
            leg = leg_of(pose)
            return segment_matrix(leg.hip, leg.knee, leg.knee_forward)

        def shank_place(pose):
            leg = leg_of(pose)
            return segment_matrix(leg.knee, leg.ankle, leg.knee_forward)

        def knee_place(pose):
            leg = leg_of(pose)
            return segment_matrix(leg.knee, v.add(leg.knee, leg.knee_forward), v.sub(leg.hip, leg.knee))

        def foot_place(pose):
            leg = leg_of(pose)
            return point_matrix(leg.ankle, leg.foot)

        def ankle_place(pose):
            leg = leg_of(pose)
            return segment_matrix(leg.ankle, v.add(leg.ankle, v.sub(leg.ankle, leg.knee)), leg.knee_forward)

        skin, cloth = self.mat["skin"], self.mat["shorts"]
        self._add(m.lathe(f"{side}_thigh", thigh, skin), thigh_place, side)
        self._add(m.lathe(f"{side}_shank", shank, skin), shank_place, side)
        self._add(m.ellipsoid(f"{side}_knee", (0, 0, 0), (r_knee,) * 3, skin), knee_place, side)
        # The kneecap, on the knee's forward direction: inside the knee's silhouette from the front.
        self._add(m.ellipsoid(f"{side}_patella", (0, 0, 0.62 * r_knee), (0.5 * r_knee, 0.55 * r_knee, 0.4 * r_knee),
                              skin), knee_place, side)
        if self.clothes == "shorts":
            hem = 0.45 * l1
            shorts = [(-0.03 * k, 0.1 * k * g, 0.1 * k * g), (0.2 * l1, 0.098 * k * g, 0.098 * k * g),
                      (hem, 0.092 * k * g, 0.092 * k * g)]
            self._add(m.lathe(f"{side}_shorts_leg", shorts, cloth), thigh_place, side)
        else:
            # Long loose trousers: wide tubes on both segments and a sphere at the knee, all centred
            # on the bones, so the silhouette stays symmetric about the joint centres.
            r_tk = 0.085 * k * g
            upper = [(-0.03 * k, 0.105 * k * g, 0.105 * k * g), (0.5 * l1, 0.095 * k * g, 0.095 * k * g),
                     (l1, r_tk, r_tk)]
            lower = [(0.0, r_tk, r_tk), (0.6 * l2, 0.078 * k * g, 0.078 * k * g),
                     (l2 - 0.02 * k, 0.08 * k * g, 0.08 * k * g)]
            self._add(m.lathe(f"{side}_trousers_thigh", upper, cloth), thigh_place, side)
            self._add(m.lathe(f"{side}_trousers_shank", lower, cloth), shank_place, side)
            self._add(m.ellipsoid(f"{side}_trousers_knee", (0, 0, 0), (r_tk,) * 3, cloth), knee_place, side)
        sock = [(l2 - 0.085 * k, 0.037 * k * g, 0.037 * k * g), (l2, r_ankle + 0.002, r_ankle + 0.002)]
        self._add(m.lathe(f"{side}_sock", sock, self.mat["sock"]), shank_place, side)
        self._add(m.ellipsoid(f"{side}_ankle", (0, 0, 0), (r_ankle + 0.002,) * 3, self.mat["sock"]),
                  ankle_place, side)
        # Shoe in the foot frame: origin at the ankle centre, +y backwards, +z up out of the sole.
        ha, fl, hb = b.ankle_height_m, b.foot_length_m, b.heel_back_m
        mid = -(fl / 2 - hb)
        self._add(m.ellipsoid(f"{side}_shoe", (0, mid, -ha + 0.029 * k), (0.047 * k * g, fl / 2, 0.031 * k),
                              self.mat["shoe"]), foot_place, side)
        self._add(m.ellipsoid(f"{side}_sole", (0, mid, -ha + 0.009 * k), (0.05 * k * g, fl / 2 + 0.004, 0.011 * k),
                              self.mat["sole"]), foot_place, side)
        collar = [(-ha + 0.01 * k, 0.042 * k * g, 0.046 * k * g), (-0.016 * k, 0.04 * k * g, 0.043 * k * g)]
        self._add(m.lathe(f"{side}_collar", collar, self.mat["shoe"]), foot_place, side)

    # ---- arms ---------------------------------------------------------------------------------
    def _arm(self, side, k, g):
        b = self.body
        la, lf = b.upper_arm_m, b.forearm_m

        def upper_place(pose):
            return segment_matrix(pose.shoulders[side], pose.elbows[side], pose.trunk.ey)

        def fore_place(pose):
            return segment_matrix(pose.elbows[side], pose.wrists[side], pose.trunk.ey)

        def elbow_place(pose):
            return point_matrix(pose.elbows[side], pose.trunk)

        def shoulder_place(pose):
            return point_matrix(pose.shoulders[side], pose.trunk)

        upper = [(0.0, 0.048 * k * g, 0.048 * k * g), (0.4 * la, 0.045 * k * g, 0.045 * k * g),
                 (la, 0.035 * k * g, 0.035 * k * g)]
        sleeve = [(-0.02 * k, 0.062 * k * g, 0.062 * k * g), (0.45 * la, 0.056 * k * g, 0.056 * k * g)]
        fore = [(0.0, 0.035 * k * g, 0.035 * k * g), (0.3 * lf, 0.037 * k * g, 0.037 * k * g),
                (lf, 0.025 * k * g, 0.025 * k * g)]
        skin = self.mat["skin"]
        self._add(m.lathe(f"{side}_upper_arm", upper, skin), upper_place)
        self._add(m.lathe(f"{side}_sleeve", sleeve, self.mat["shirt"]), upper_place)
        self._add(m.ellipsoid(f"{side}_shoulder", (0, 0, 0), (0.062 * k * g,) * 3, self.mat["shirt"]), shoulder_place)
        self._add(m.ellipsoid(f"{side}_elbow", (0, 0, 0), (0.035 * k * g,) * 3, skin), elbow_place)
        self._add(m.lathe(f"{side}_forearm", fore, skin), fore_place)
        self._add(m.ellipsoid(f"{side}_hand", (0, 0, lf + 0.085 * k), (0.022 * k * g, 0.044 * k * g, 0.09 * k),
                              skin), fore_place)

    # ---- trunk and head ----------------------------------------------------------------------
    def _trunk(self, k, g):
        hw = self.body.hip_width_factor
        top = self.body.shoulder_above_hip_m

        def ring(z, rx, ry, cy, widen=1.0):
            return (z * k, rx * k * g * widen, ry * k * g, cy * k)

        lower = [ring(-0.125, 0.05, 0.05, 0.0, hw), ring(-0.10, 0.135, 0.085, 0.01, hw),
                 ring(-0.05, 0.17, 0.10, 0.015, hw), ring(0.0, 0.18, 0.105, 0.015, hw),
                 ring(0.06, 0.175, 0.10, 0.01, hw), ring(0.15, 0.16, 0.095, 0.0)]
        s = top / (0.504 * k)  # the shirt's rings below are for a shoulder 0.504 m above the hips
        upper = [ring(0.07, 0.182, 0.108, 0.008, hw), ring(0.16 * s, 0.167, 0.1, 0.0),
                 ring(0.24 * s, 0.15, 0.095, 0.0), ring(0.32 * s, 0.154, 0.1, -0.005),
                 ring(0.40 * s, 0.166, 0.11, -0.01), ring(0.46 * s, 0.176, 0.105, -0.005),
                 ring(0.50 * s, 0.18, 0.095, 0.0), ring(0.535 * s, 0.165, 0.08, 0.0),
                 ring(0.56 * s, 0.11, 0.065, 0.0), ring(0.575 * s, 0.062, 0.055, 0.0)]
        neck = [(top - 0.02 * k, 0.052 * k * g, 0.052 * k * g), (top + 0.13 * k, 0.05 * k * g, 0.05 * k * g)]

        def trunk_place(pose):
            t = pose.trunk
            return point_matrix(t.origin, t)

        self._add(m.lathe("pelvis_shorts", lower, self.mat["shorts"]), trunk_place)
        self._add(m.lathe("torso_shirt", upper, self.mat["shirt"]), trunk_place)
        self._add(m.lathe("neck", neck, self.mat["skin"]), trunk_place)

    def _head(self, k):
        def head_place(pose):
            h = pose.head
            return point_matrix(h.origin, h)

        def add(obj):
            self._add(obj, head_place)

        mt = self.mat
        add(m.ellipsoid("head", (0, 0, 0), (0.076 * k, 0.095 * k, 0.115 * k), mt["skin"]))
        for sx in (-1.0, 1.0):
            add(m.ellipsoid("eye", (sx * 0.031 * k, -0.08 * k, 0.014 * k), (0.012 * k, 0.008 * k, 0.008 * k),
                            mt["eye_white"]))
            add(m.ellipsoid("iris", (sx * 0.031 * k, -0.087 * k, 0.014 * k), (0.0055 * k,) * 3, mt["iris"]))
            add(m.ellipsoid("brow", (sx * 0.032 * k, -0.086 * k, 0.034 * k), (0.017 * k, 0.006 * k, 0.0035 * k),
                            mt["brow"]))
            add(m.ellipsoid("ear", (sx * 0.075 * k, 0.008 * k, 0.0), (0.012 * k, 0.022 * k, 0.032 * k), mt["skin"]))
        add(m.ellipsoid("nose", (0, -0.097 * k, -0.012 * k), (0.011 * k, 0.016 * k, 0.024 * k), mt["skin"]))
        add(m.ellipsoid("mouth", (0, -0.087 * k, -0.05 * k), (0.021 * k, 0.007 * k, 0.0065 * k), mt["lips"]))

        def hair_keep(x, y, z):
            face = y < -0.02 * k and z < 0.048 * k
            sides_low = abs(x) > 0.05 * k and z < 0.015 * k and y < 0.04 * k
            return not face and not sides_low and z > -0.075 * k

        add(m.ellipsoid("hair", (0, 0.01 * k, 0.014 * k), (0.082 * k, 0.103 * k, 0.112 * k), mt["hair"],
                        keep=hair_keep))
        if self.body.long_hair:
            add(m.ellipsoid("ponytail", (0, 0.1 * k, -0.07 * k), (0.04 * k, 0.035 * k, 0.11 * k), mt["hair"]))

    def apply(self, pose):
        for obj, place in self.parts:
            obj.matrix_world = place(pose)

    def leg_objects(self, side):
        return [obj for obj, _ in self.parts if obj.get("leg") == side]
