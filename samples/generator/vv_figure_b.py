"""Body B in Blender: one skinned mesh (lofted limbs and trunk with soft tissue, vv_skin / vv_body_b) on an
armature of 14 bones, posed per frame from the squat or lunge kinematics. The truth's joint centres are read
back from the posed armature (bone heads), not from the kinematics.

Every face carries a material named "<look>:<region>", region = left | right (the leg, its shoe and its
clothing) or body; the mask pass recolours materials by region (left red, right green, all else black)."""
import math

import bmesh
import bpy
import mathutils

import vv_body_b
import vv_foot_b
import vv_skin
import vv_squat_pose
import vv_vec as v

SIDES = ("left", "right")
SUFFIX = {"left": "L", "right": "R"}
CLOTHES = ("leggings", "shorts", "trousers")
LOOKS = {
    "shirt": (0.55, 0.55, 0.58), "bottoms": (0.05, 0.05, 0.06), "shoe": (0.2, 0.22, 0.3),
    "sole": (0.9, 0.9, 0.88), "hair": (0.06, 0.04, 0.03), "eye_white": (0.9, 0.9, 0.88),
    "iris": (0.1, 0.07, 0.04), "lips": (0.45, 0.2, 0.18),
}
BOTTOMS = {"leggings": (0.05, 0.05, 0.06), "shorts": (0.12, 0.2, 0.35), "trousers": (0.35, 0.33, 0.28)}


def _rest_pose(dims):
    """The straight rest pose the mesh is built in: standing, feet forward, arms hanging as in the standing
    pose but with straight elbows."""
    return vv_squat_pose.body_pose(dims, vv_squat_pose.SquatMotion(stance="left", toe_out_deg=0.0), 0.0, 0.0)


def _sgn(side):
    return 1.0 if side == "left" else -1.0


class FigureB:
    def __init__(self, body, clothes, skin_rgb):
        if clothes not in CLOTHES:
            raise SystemExit(f"make_sample.py: body b wears {', '.join(CLOTHES)}, not '{clothes}'")
        self.body, self.dims, self.clothes = body, body.dims, clothes
        self.looks = dict(LOOKS, skin=skin_rgb, bottoms=BOTTOMS[clothes])
        self.materials = {}
        rest = _rest_pose(self.dims)
        self.rest = rest
        builder = vv_skin.MeshBuilder()
        for side in SIDES:
            self._leg(builder, side)
            self._arm(builder, side)
        self._trunk(builder)
        self._head(builder)
        self.mesh_obj = self._mesh(builder)
        self.arm_obj = self._armature()
        self.parts = [(self.mesh_obj, None)]
        self._rest_matrices = {pb.name: pb.bone.matrix_local.copy() for pb in self.arm_obj.pose.bones}

    # ---- materials -----------------------------------------------------------------------------
    def _mat(self, look, region):
        name = f"{look}:{region}"
        if name not in self.materials:
            rgb = self.looks[look]
            mat = bpy.data.materials.new(name)
            mat.diffuse_color = (rgb[0], rgb[1], rgb[2], 1.0)
            mat.roughness = 0.5
            self.materials[name] = mat
        return name

    def set_mask_colours(self):
        """Every material black except the legs' (red left, green right): call before the mask pass."""
        for mat in bpy.data.materials:
            region = mat.name.split(":")[-1] if ":" in mat.name else "room"
            colour = {"left": (1.0, 0.0, 0.0, 1.0), "right": (0.0, 1.0, 0.0, 1.0)}.get(region, (0.0, 0.0, 0.0, 1.0))
            mat.diffuse_color = colour

    # ---- geometry (rest pose, world metres) ----------------------------------------------------
    def _leg(self, builder, side):
        d, sfx = self.dims, SUFFIX[side]
        leg = getattr(self.rest, side)
        knots, bumps = vv_body_b.leg_profile(self.body)
        l1, l2, k = d.thigh_m, d.shank_m, d.scale
        a = l1 + l2
        names = {"trunk": "trunk", "thigh": f"thigh.{sfx}", "shank": f"shank.{sfx}", "foot": f"foot.{sfx}"}

        def weights(s):
            return {names[n]: w for n, w in vv_skin.leg_weights(s, l1, l2).items()}

        down, fwd, lateral = (0.0, 0.0, -1.0), (0.0, -1.0, 0.0), (_sgn(side), 0.0, 0.0)
        # theta +90 must be lateral: across = lateral
        s_values = [-0.09 * k + i * 0.008 for i in range(int((a + 0.12 * k) / 0.008) + 1)]
        skin_mat, bottoms_mat = self._mat("skin", side), self._mat("bottoms", side)
        hem = {"leggings": a - 0.075 * k, "shorts": 0.42 * l1, "trousers": -1.0}[self.clothes]

        def paint(s, theta):
            return bottoms_mat if s < hem else skin_mat

        def radius(s, theta):
            return vv_skin.section_radius(knots, bumps, s, theta)

        vv_skin.loft(builder, leg.hip, down, lateral, fwd, s_values, radius, weights, paint)
        if self.clothes in ("shorts", "trousers"):
            end = 0.45 * l1 if self.clothes == "shorts" else a + 0.02 * k
            flare = 0.02 * k if self.clothes == "shorts" else 0.035 * k
            # loose cloth hangs off the bulges: it follows the smooth profile, not each muscle
            smooth = [bb for bb in bumps if bb.amplitude > 0.015 * k]

            def cloth(s, theta):
                return vv_skin.section_radius(knots, smooth, s, theta) + 0.012 * k + flare * max(0.0, s) / end

            n = int((end + 0.09 * k) / 0.01) + 1
            cloth_s = [-0.09 * k + i * (end + 0.09 * k) / (n - 1) for i in range(n)]
            vv_skin.loft(builder, leg.hip, down, lateral, fwd, cloth_s, cloth, weights,
                         lambda s, t: bottoms_mat)
        # the shoe, rigid on the foot behind the ball and on the toes ahead of it (rest foot frame = world axes
        # at the ankle): a lunge's heel lift bends it at the ball
        ha, fl, hb = d.ankle_height_m, d.foot_length_m, d.heel_back_m
        foot_w = {f"foot.{sfx}": 1.0}
        first_shoe_vertex = len(builder.verts)
        mid = -(fl / 2 - hb)
        ankle = leg.ankle
        builder_shoe = self._mat("shoe", side)
        vv_skin.ellipsoid(builder, v.add(ankle, (0.0, mid, -ha + 0.03 * k)), (0.048 * k, fl / 2, 0.032 * k),
                          foot_w, builder_shoe)
        vv_skin.ellipsoid(builder, v.add(ankle, (0.0, mid, -ha + 0.009 * k)), (0.05 * k, fl / 2 + 0.004, 0.011 * k),
                          foot_w, self._mat("sole", side))
        vv_skin.ellipsoid(builder, v.add(ankle, (0.0, 0.012 * k, -0.035 * k)), (0.043 * k, 0.05 * k, 0.03 * k),
                          foot_w, builder_shoe)
        ball = vv_foot_b.ball_point(d, leg)
        for i in range(first_shoe_vertex, len(builder.verts)):
            w = vv_foot_b.toe_weight(d, ball, builder.verts[i])
            builder.weights[i] = {name: x for name, x in ((f"foot.{sfx}", 1.0 - w), (f"toes.{sfx}", w)) if x > 1e-9}

    def _arm(self, builder, side):
        d, sfx, k = self.dims, SUFFIX[side], self.dims.scale
        shoulder, elbow = self.rest.shoulders[side], self.rest.elbows[side]
        axis = v.unit(v.sub(elbow, shoulder))
        fwd = v.unit(v.sub((0.0, -1.0, 0.0), v.mul(axis, -axis[1])))
        lateral = v.cross(axis, fwd)
        if lateral[0] * _sgn(side) < 0:
            lateral = v.mul(lateral, -1.0)
        knots, bumps = vv_body_b.arm_profile(self.body)
        la, lf = d.upper_arm_m, d.forearm_m
        names = {"trunk": "trunk", "upper": f"upper.{sfx}", "fore": f"fore.{sfx}"}

        def weights(s):
            return {names[n]: w for n, w in vv_skin.arm_weights(s, la).items()}

        skin, shirt = self._mat("skin", "body"), self._mat("shirt", "body")
        s_values = [-0.06 * k + i * 0.01 for i in range(int((la + lf + 0.06 * k) / 0.01) + 1)]
        vv_skin.loft(builder, shoulder, axis, lateral, fwd, s_values,
                     lambda s, t: vv_skin.section_radius(knots, bumps, s, t), weights,
                     lambda s, t: shirt if s < 0.42 * la else skin, segments=32)
        hand = v.add(shoulder, v.mul(axis, la + lf + 0.08 * k))
        vv_skin.ellipsoid(builder, hand, (0.022 * k, 0.045 * k, 0.085 * k), {f"fore.{sfx}": 1.0}, skin,
                          axes=(lateral, v.mul(fwd, -1.0), axis))

    def _trunk(self, builder):
        d, k = self.dims, self.dims.scale
        origin = self.rest.trunk.origin
        knots, bumps = vv_body_b.trunk_profile(self.body)
        top = knots[-1][0]
        shirt, bottoms, skin = self._mat("shirt", "body"), self._mat("bottoms", "body"), self._mat("skin", "body")
        s_values = [knots[0][0] + i * 0.012 for i in range(int((top - knots[0][0]) / 0.012) + 1)]
        vv_skin.loft(builder, origin, (0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.0, -1.0, 0.0), s_values,
                     lambda s, t: vv_skin.section_radius(knots, bumps, s, t), lambda s: {"trunk": 1.0},
                     lambda s, t: bottoms if s < 0.05 * k else shirt, segments=56)
        sh = d.shoulder_above_hip_m
        neck = [(sh - 0.04 * k, 0.056 * k, 0.056 * k), (sh + 0.14 * k, 0.05 * k, 0.052 * k)]
        vv_skin.loft(builder, origin, (0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.0, -1.0, 0.0),
                     [sh - 0.04 * k + i * 0.01 for i in range(int(0.18 * k / 0.01) + 1)],
                     lambda s, t: vv_skin.section_radius(neck, [], s, t),
                     lambda s: {"trunk": 1.0 - vv_skin.smoothstep(sh + 0.01 * k, sh + 0.11 * k, s),
                                "head": vv_skin.smoothstep(sh + 0.01 * k, sh + 0.11 * k, s)},
                     lambda s, t: skin, segments=32)

    def _head(self, builder):
        k = self.dims.scale
        c = self.rest.head.origin
        w = {"head": 1.0}
        skin = self._mat("skin", "body")

        def at(x, y, z):
            return v.add(c, (x * k, y * k, z * k))

        vv_skin.ellipsoid(builder, c, (0.076 * k, 0.095 * k, 0.115 * k), w, skin)
        for sx in (-1.0, 1.0):
            vv_skin.ellipsoid(builder, at(sx * 0.031, -0.08, 0.014), (0.012 * k, 0.008 * k, 0.008 * k), w,
                              self._mat("eye_white", "body"), 16, 8)
            vv_skin.ellipsoid(builder, at(sx * 0.031, -0.087, 0.014), (0.0055 * k,) * 3, w,
                              self._mat("iris", "body"), 12, 6)
            vv_skin.ellipsoid(builder, at(sx * 0.075, 0.008, 0.0), (0.012 * k, 0.022 * k, 0.032 * k), w, skin, 12, 8)
        vv_skin.ellipsoid(builder, at(0, -0.097, -0.012), (0.011 * k, 0.016 * k, 0.024 * k), w, skin, 12, 8)
        vv_skin.ellipsoid(builder, at(0, -0.087, -0.05), (0.021 * k, 0.007 * k, 0.0065 * k), w,
                          self._mat("lips", "body"), 12, 6)

        def hair_keep(x, y, z):
            face = y < -0.02 * k and z < 0.05 * k
            sides_low = abs(x) > 0.05 * k and z < 0.015 * k and y < 0.04 * k
            return not face and not sides_low and z > -0.075 * k

        hair = self._mat("hair", "body")
        vv_skin.ellipsoid(builder, at(0, 0.01, 0.014), (0.082 * k, 0.103 * k, 0.112 * k), w, hair, keep=hair_keep)
        if self.dims.long_hair:
            vv_skin.ellipsoid(builder, at(0, 0.09, -0.09), (0.07 * k, 0.045 * k, 0.13 * k), w, hair)

    # ---- Blender objects -----------------------------------------------------------------------
    def _mesh(self, builder):
        mesh = bpy.data.meshes.new("body_b")
        mesh.from_pydata(builder.verts, [], builder.faces)
        names = sorted(self.materials)
        for name in names:
            mesh.materials.append(self.materials[name])
        index = {name: i for i, name in enumerate(names)}
        mesh.polygons.foreach_set("material_index", [index[m] for m in builder.face_mats])
        mesh.polygons.foreach_set("use_smooth", [True] * len(builder.faces))
        bm = bmesh.new()
        bm.from_mesh(mesh)
        bmesh.ops.recalc_face_normals(bm, faces=bm.faces)
        bm.to_mesh(mesh)
        bm.free()
        mesh.update()
        obj = bpy.data.objects.new("body_b", mesh)
        bpy.context.scene.collection.objects.link(obj)
        groups = {}
        for i, weights in enumerate(builder.weights):
            for bone, w in weights.items():
                if bone not in groups:
                    groups[bone] = obj.vertex_groups.new(name=bone)
                groups[bone].add([i], w, "REPLACE")
        return obj

    def _bone_frames(self, pose, rest=False):
        """name -> (head, direction, hint, length) of every bone in a pose."""
        d = self.dims
        out = {}
        t = pose.trunk
        fwd_t = v.mul(t.ey, -1.0)
        out["trunk"] = (t.origin, t.ez, fwd_t, d.shoulder_above_hip_m)
        out["head"] = (pose.head.origin, pose.head.ez, v.mul(pose.head.ey, -1.0), 0.12 * d.scale)
        for side in SIDES:
            sfx, leg = SUFFIX[side], getattr(pose, side)
            hint = (0.0, -1.0, 0.0) if rest else leg.knee_forward
            out[f"thigh.{sfx}"] = (leg.hip, v.sub(leg.knee, leg.hip), hint, d.thigh_m)
            out[f"shank.{sfx}"] = (leg.knee, v.sub(leg.ankle, leg.knee), hint, d.shank_m)
            foot_fwd = (0.0, -1.0, 0.0) if rest else v.mul(leg.foot.ey, -1.0)
            foot_up = (0.0, 0.0, 1.0) if rest else leg.foot.ez
            out[f"foot.{sfx}"] = (leg.ankle, foot_fwd, foot_up, d.foot_length_m - d.heel_back_m)
            out[f"toes.{sfx}"] = vv_foot_b.toes_bone(d, leg)
            shoulder, elbow, wrist = pose.shoulders[side], pose.elbows[side], pose.wrists[side]
            upper = v.sub(elbow, shoulder)
            out[f"upper.{sfx}"] = (shoulder, upper, fwd_t, d.upper_arm_m)
            fore_dir = upper if rest else v.sub(wrist, elbow)
            out[f"fore.{sfx}"] = (v.add(shoulder, v.mul(v.unit(upper), d.upper_arm_m)) if rest else elbow,
                                  fore_dir, fwd_t, d.forearm_m)
        return out

    def _armature(self):
        data = bpy.data.armatures.new("rig_b")
        obj = bpy.data.objects.new("rig_b", data)
        bpy.context.scene.collection.objects.link(obj)
        bpy.context.view_layer.objects.active = obj
        bpy.ops.object.mode_set(mode="EDIT")
        for name, (head, direction, hint, length) in self._bone_frames(self.rest, rest=True).items():
            eb = data.edit_bones.new(name)
            eb.head, eb.tail = (0.0, 0.0, 0.0), (0.0, length, 0.0)
            eb.matrix = mathutils.Matrix(vv_skin.bone_frame(head, direction, hint))
            eb.use_deform = True
        bpy.ops.object.mode_set(mode="OBJECT")
        mod = self.mesh_obj.modifiers.new("armature", "ARMATURE")
        mod.object = obj
        mod.use_vertex_groups = True
        return obj

    def apply(self, pose):
        frames = self._bone_frames(pose)
        for pb in self.arm_obj.pose.bones:
            head, direction, hint, _ = frames[pb.name]
            pb.matrix = mathutils.Matrix(vv_skin.bone_frame(head, direction, hint))
        bpy.context.view_layer.update()

    def armature_pose(self, pose):
        """The pose with every leg joint replaced by what the posed armature says (bone heads; heel and toe
        carried by the foot bone), after checking the armature realises the kinematics to 1e-5 m."""
        self.apply(pose)
        bones = self.arm_obj.pose.bones
        legs = {}
        for side in SIDES:
            sfx, leg = SUFFIX[side], getattr(pose, side)
            hip = tuple(bones[f"thigh.{sfx}"].head)
            knee = tuple(bones[f"shank.{sfx}"].head)
            ankle = tuple(bones[f"foot.{sfx}"].head)
            foot = bones[f"foot.{sfx}"]
            deform = foot.matrix @ self._rest_matrices[f"foot.{sfx}"].inverted()
            rest_leg = getattr(self.rest, side)
            heel = tuple(deform @ mathutils.Vector(self._rest_heel_toe(rest_leg)[0]))
            # the toe rides on the toes bone: with the foot in the squat, flat on the floor in a lunge's heel lift
            toe = tuple(bones[f"toes.{sfx}"].tail)
            ball = tuple(deform @ mathutils.Vector(vv_foot_b.ball_point(self.dims, rest_leg)))
            worst = max(math.dist(a, b) for a, b in ((hip, leg.hip), (knee, leg.knee), (ankle, leg.ankle),
                                                      (tuple(bones[f"thigh.{sfx}"].tail), leg.knee),
                                                      (tuple(bones[f"shank.{sfx}"].tail), leg.ankle),
                                                      (tuple(bones[f"toes.{sfx}"].head), ball),
                                                      (heel, leg.heel), (toe, leg.toe)))
            if worst > 1e-5:
                raise SystemExit(f"make_sample.py: body b's armature misses the {side} leg's joints by {worst:.6f} m")
            legs[side] = vv_squat_pose.LegPose(hip, knee, ankle, heel, toe, leg.knee_forward, leg.foot)
        return vv_squat_pose.BodyPose(legs["left"], legs["right"], pose.trunk, pose.head, pose.shoulders,
                                      pose.elbows, pose.wrists)

    def _rest_heel_toe(self, rest_leg):
        d = self.dims
        floor = v.sub(rest_leg.ankle, (0.0, 0.0, d.ankle_height_m))
        return vv_squat_pose._heel_toe(d, floor, (0.0, -1.0, 0.0), (0.0, 0.0, 1.0))

    def leg_objects(self, side):
        return []
