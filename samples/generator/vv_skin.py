"""Pure maths of body B's skinned surface (no Blender, so it is unit-tested with any Python 3).

Body B is built differently from body A: each limb is ONE lofted surface (rings of a cross-section whose
radius varies smoothly along the limb and around it, with Gaussian soft-tissue bulges: muscles, kneecap,
femoral condyles, malleoli) in a straight rest pose, deformed by an armature with smoothly blended
weights (linear blend skinning). A bent knee therefore changes its outline as skin does, and the middle
of the silhouette is no longer the joint centre by construction - the truth's visible centres measure it."""
import math
from dataclasses import dataclass

import vv_vec as v


def smoothstep(edge0, edge1, x):
    """0 below edge0, 1 above edge1, C1-smooth in between (edge0 < edge1)."""
    if x <= edge0:
        return 0.0
    if x >= edge1:
        return 1.0
    t = (x - edge0) / (edge1 - edge0)
    return t * t * (3.0 - 2.0 * t)


def angle_diff_deg(a, b):
    """Signed smallest difference a - b in degrees, in (-180, 180]."""
    d = (a - b) % 360.0
    return d - 360.0 if d > 180.0 else d


@dataclass(frozen=True)
class Bump:
    """A Gaussian soft-tissue bulge on a limb: centred at distance s0 down the limb and at angle theta0
    around it (0 = anterior, +90 = lateral, 180 = posterior, -90 = medial), amplitude in metres."""
    s0: float
    theta0_deg: float
    amplitude: float
    sigma_s: float
    sigma_theta_deg: float

    def at(self, s, theta_deg):
        ds = (s - self.s0) / self.sigma_s
        dt = angle_diff_deg(theta_deg, self.theta0_deg) / self.sigma_theta_deg
        return self.amplitude * math.exp(-0.5 * (ds * ds + dt * dt))


def interpolate_profile(knots, s):
    """knots: [(s, rx, ry)] sorted by s; cosine-eased interpolation of the half-widths (flat beyond the
    ends), so the surface has no creases at the knots."""
    if s <= knots[0][0]:
        return knots[0][1], knots[0][2]
    for (s0, rx0, ry0), (s1, rx1, ry1) in zip(knots, knots[1:]):
        if s <= s1:
            t = (s - s0) / (s1 - s0)
            e = 0.5 - 0.5 * math.cos(math.pi * t)
            return rx0 + (rx1 - rx0) * e, ry0 + (ry1 - ry0) * e
    return knots[-1][1], knots[-1][2]


def section_radius(knots, bumps, s, theta_deg):
    """Distance from the limb's axis to its surface at (s, theta): an ellipse (rx across = lateral/medial,
    ry = anterior/posterior) plus every bump."""
    rx, ry = interpolate_profile(knots, s)
    t = math.radians(theta_deg)
    # polar radius of the ellipse x = rx sin t (lateral), y = ry cos t (anterior)
    base = rx * ry / math.sqrt((ry * math.sin(t)) ** 2 + (rx * math.cos(t)) ** 2)
    return base + sum(b.at(s, theta_deg) for b in bumps)


def leg_weights(s, thigh_m, shank_m, hip_blend=(-0.05, 0.12), knee_blend=0.05, ankle_blend=(-0.025, 0.02)):
    """Armature weights of a leg-surface point at distance s below the hip joint centre (rest pose, leg
    straight): trunk -> thigh around the hip, thigh -> shank around the knee, shank -> foot around the ankle.
    The weights are non-negative and sum to 1."""
    knee, ankle = thigh_m, thigh_m + shank_m
    to_thigh = smoothstep(hip_blend[0], hip_blend[1], s)
    to_shank = smoothstep(knee - knee_blend, knee + knee_blend, s)
    to_foot = smoothstep(ankle + ankle_blend[0], ankle + ankle_blend[1], s)
    w = {"trunk": 1.0 - to_thigh, "thigh": to_thigh * (1.0 - to_shank),
         "shank": to_thigh * to_shank * (1.0 - to_foot), "foot": to_thigh * to_shank * to_foot}
    return {k: x for k, x in w.items() if x > 1e-9}


def arm_weights(s, upper_m, shoulder_blend=(-0.04, 0.06), elbow_blend=0.04):
    to_upper = smoothstep(shoulder_blend[0], shoulder_blend[1], s)
    to_fore = smoothstep(upper_m - elbow_blend, upper_m + elbow_blend, s)
    w = {"trunk": 1.0 - to_upper, "upper": to_upper * (1.0 - to_fore), "fore": to_upper * to_fore}
    return {k: x for k, x in w.items() if x > 1e-9}


def bone_frame(head, direction, hint):
    """Columns (x, y, z) and origin of a bone's frame as Blender uses it: y along the bone, z the part of
    hint perpendicular to it, x = y cross z. Returned as a 4x4 row-major tuple."""
    y = v.unit(direction)
    z = v.sub(hint, v.mul(y, v.dot(hint, y)))
    z = v.unit(z)
    x = v.cross(y, z)
    return ((x[0], y[0], z[0], head[0]), (x[1], y[1], z[1], head[1]),
            (x[2], y[2], z[2], head[2]), (0.0, 0.0, 0.0, 1.0))


class MeshBuilder:
    """Vertices, quads/triangles, a material name per face and armature weights per vertex."""

    def __init__(self):
        self.verts, self.faces, self.face_mats, self.weights = [], [], [], []

    def vertex(self, co, weights):
        self.verts.append(tuple(co))
        self.weights.append(dict(weights))
        return len(self.verts) - 1

    def face(self, idx, material):
        self.faces.append(tuple(idx))
        self.face_mats.append(material)


def loft(builder, origin, axis, across, forward, s_values, radius, weights, material, segments=48):
    """A closed tube: rings at distances s along axis from origin, the ring point at angle theta sits at
    radius(s, theta) from the axis in the plane (across, forward); theta = 0 along forward, +90 along across.
    weights(s) gives each ring's armature weights, material(s, theta) each face's material name.
    The two ends are closed by a pole vertex on the axis."""
    rings = []
    for s in s_values:
        centre = v.add(origin, v.mul(axis, s))
        ring = []
        for i in range(segments):
            theta = 360.0 * i / segments
            t = math.radians(theta)
            r = radius(s, theta)
            offset = v.add(v.mul(forward, r * math.cos(t)), v.mul(across, r * math.sin(t)))
            ring.append(builder.vertex(v.add(centre, offset), weights(s)))
        rings.append(ring)
    for k in range(len(rings) - 1):
        s_mid = 0.5 * (s_values[k] + s_values[k + 1])
        for i in range(segments):
            j = (i + 1) % segments
            theta = 360.0 * (i + 0.5) / segments
            # winding chosen so normals point outwards when across = axis x forward
            builder.face((rings[k][i], rings[k + 1][i], rings[k + 1][j], rings[k][j]), material(s_mid, theta))
    for ring, s, flip in ((rings[0], s_values[0], True), (rings[-1], s_values[-1], False)):
        pole = builder.vertex(v.add(origin, v.mul(axis, s)), weights(s))
        for i in range(segments):
            j = (i + 1) % segments
            tri = (ring[j], ring[i], pole) if flip else (ring[i], ring[j], pole)
            builder.face(tri, material(s, 360.0 * (i + 0.5) / segments))


def ellipsoid(builder, centre, radii, weights, material, segments=32, rings=16, keep=None, axes=None):
    """A lat-long ellipsoid with its radii along axes (default: world x, y, z); keep(x, y, z) (local,
    relative to centre) drops faces whose first vertex is outside it (an opening, e.g. the face under the hair)."""
    ax = axes or ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))

    def world(local):
        return v.add(centre, v.add(v.add(v.mul(ax[0], local[0]), v.mul(ax[1], local[1])), v.mul(ax[2], local[2])))

    grid = []
    for r in range(1, rings):
        phi = math.pi * r / rings
        row = []
        for i in range(segments):
            t = 2 * math.pi * i / segments
            local = (radii[0] * math.sin(phi) * math.cos(t), radii[1] * math.sin(phi) * math.sin(t),
                     radii[2] * math.cos(phi))
            row.append((builder.vertex(world(local), weights), local))
        grid.append(row)
    top = builder.vertex(world((0.0, 0.0, radii[2])), weights)
    bottom = builder.vertex(world((0.0, 0.0, -radii[2])), weights)

    def ok(local):
        return keep is None or keep(*local)

    for i in range(segments):
        j = (i + 1) % segments
        if ok(grid[0][i][1]):
            builder.face((top, grid[0][i][0], grid[0][j][0]), material)
        if ok(grid[-1][i][1]):
            builder.face((grid[-1][j][0], grid[-1][i][0], bottom), material)
        for r in range(len(grid) - 1):
            if ok(grid[r][i][1]):
                builder.face((grid[r][i][0], grid[r + 1][i][0], grid[r + 1][j][0], grid[r][j][0]), material)
