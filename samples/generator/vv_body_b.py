"""Body B's proportions and soft tissue: female or male build, light or heavy mass (pure Python).

Joint positions use the same Winter fractions as body A (vv_body.dimensions) so the squat kinematics apply
unchanged; the builds differ where adults differ: women about 0.10 m shorter with a wider pelvis, hip joint
centres further apart and narrower shoulders, men broader shoulders and chest. Mass scales the soft tissue,
not the skeleton: a heavy thigh grows more than a heavy calf, and the trunk gains a belly."""
import dataclasses
from dataclasses import dataclass

import vv_body
import vv_skin

SKIN_TONES = {
    # light, medium, dark (linear RGB, as the renderer's base colour)
    "light": (0.80, 0.58, 0.47),
    "medium": (0.55, 0.36, 0.24),
    "dark": (0.20, 0.12, 0.08),
}


@dataclass(frozen=True)
class Build:
    name: str
    height_m: float
    hip_spacing_frac: float  # hip joint centres apart, fraction of height
    shoulder_half_frac: float
    pelvis_width: float  # multiplies the trunk's lower half-width
    chest_width: float
    thigh_girth: float
    calf_girth: float
    long_hair: bool
    breasts: bool


BUILDS = {
    "female": Build("female", 1.65, 0.108, 0.098, 1.12, 0.94, 1.05, 0.97, True, True),
    "male": Build("male", 1.80, 0.095, 0.112, 0.98, 1.08, 1.0, 1.05, False, False),
}

# soft-tissue factors: thigh, calf, trunk, arm; belly bulge amplitude (m, at 1.75 m)
MASSES = {
    "light": (1.0, 1.0, 1.0, 1.0, 0.0),
    "heavy": (1.28, 1.15, 1.3, 1.2, 0.07),
}


@dataclass(frozen=True)
class BodyB:
    dims: vv_body.BodyDimensions
    build: Build
    mass: str
    thigh_g: float
    calf_g: float
    trunk_g: float
    arm_g: float
    belly_m: float


def make(build_name, mass_name):
    if build_name not in BUILDS:
        raise ValueError(f"body B has no build '{build_name}' (choose {', '.join(sorted(BUILDS))})")
    if mass_name not in MASSES:
        raise ValueError(f"body B has no mass '{mass_name}' (choose {', '.join(sorted(MASSES))})")
    b = BUILDS[build_name]
    dims = vv_body.dimensions(vv_body.BodyShape(f"b-{build_name}-{mass_name}", b.height_m, 1.0, 1.0, b.long_hair))
    dims = dataclasses.replace(dims, hip_spacing_m=b.hip_spacing_frac * b.height_m,
                               shoulder_half_width_m=b.shoulder_half_frac * b.height_m)
    thigh, calf, trunk, arm, belly = MASSES[mass_name]
    return BodyB(dims, b, mass_name, thigh * b.thigh_girth, calf * b.calf_girth, trunk, arm, belly)


def leg_profile(body):
    """(knots, bumps) of one leg in its own rest frame: s metres down from the hip joint centre, theta
    around it (0 anterior, +90 lateral, -90 medial, 180 posterior). Reference values for a 1.75 m adult,
    scaled by height; thigh knots by the thigh girth, shank knots by the calf girth."""
    d = body.dims
    k, l1, l2 = d.scale, d.thigh_m, d.shank_m
    gt, gc = body.thigh_g, body.calf_g

    def t(s, rx, ry):
        return (s, rx * k * gt, ry * k * gt)

    def c(s, rx, ry):
        return (s, rx * k * gc, ry * k * gc)

    # the knee's own width (condyles) grows little with mass
    gk = 1.0 + 0.35 * (gt - 1.0)
    knots = [t(-0.09 * k, 0.025, 0.025), t(-0.055 * k, 0.070, 0.070), t(0.0, 0.088, 0.084), t(0.15 * l1, 0.086, 0.080), t(0.5 * l1, 0.073, 0.070),
             t(0.82 * l1, 0.058, 0.055), (l1, 0.049 * k * gk, 0.048 * k * gk), c(l1 + 0.12 * l2, 0.045, 0.046),
             c(l1 + 0.32 * l2, 0.048, 0.052), c(l1 + 0.62 * l2, 0.038, 0.039), c(l1 + 0.86 * l2, 0.027, 0.029),
             (l1 + l2, 0.029 * k, 0.033 * k), (l1 + l2 + 0.03 * k, 0.029 * k, 0.040 * k)]
    a = l1 + l2
    bumps = [
        vv_skin.Bump(0.03 * k, 175.0, 0.028 * k * gt, 0.07 * k, 45.0),          # buttock
        vv_skin.Bump(0.45 * l1, 0.0, 0.007 * k * gt, 0.12 * k, 40.0),          # rectus femoris
        vv_skin.Bump(0.58 * l1, 75.0, 0.008 * k * gt, 0.10 * k, 35.0),         # vastus lateralis
        vv_skin.Bump(l1 - 0.085 * k, -55.0, 0.012 * k * gt, 0.045 * k, 32.0),  # vastus medialis (teardrop)
        vv_skin.Bump(0.55 * l1, 180.0, 0.008 * k * gt, 0.12 * k, 45.0),        # hamstrings
        vv_skin.Bump(l1 - 0.012 * k, 0.0, 0.013 * k, 0.026 * k, 26.0),         # patella
        vv_skin.Bump(l1 - 0.005 * k, -95.0, 0.008 * k, 0.03 * k, 30.0),        # medial femoral condyle
        vv_skin.Bump(l1, 95.0, 0.005 * k, 0.028 * k, 30.0),                    # lateral femoral condyle
        vv_skin.Bump(l1 + 0.065 * k, 0.0, 0.005 * k, 0.02 * k, 20.0),          # tibial tuberosity
        vv_skin.Bump(l1 + 0.27 * l2, -150.0, 0.016 * k * gc, 0.07 * k, 38.0),  # medial gastrocnemius
        vv_skin.Bump(l1 + 0.22 * l2, 150.0, 0.012 * k * gc, 0.065 * k, 35.0),  # lateral gastrocnemius
        vv_skin.Bump(a - 0.004 * k, -80.0, 0.008 * k, 0.016 * k, 26.0),        # medial malleolus (higher)
        vv_skin.Bump(a + 0.009 * k, 100.0, 0.008 * k, 0.016 * k, 26.0),        # lateral malleolus (lower)
        vv_skin.Bump(a + 0.01 * k, 180.0, 0.006 * k, 0.03 * k, 30.0),          # Achilles / heel
    ]
    return knots, bumps


def trunk_profile(body):
    """(knots, bumps) of the trunk in the trunk frame: s metres up from mid-hip, theta 0 anterior,
    +90 towards the person's left. knots give (s, half-width, half-depth)."""
    d, b = body.dims, body.build
    k, g = d.scale, body.trunk_g
    top = d.shoulder_above_hip_m
    pw, cw = b.pelvis_width, b.chest_width
    knots = [(-0.13 * k, 0.06 * k * pw, 0.06 * k), (-0.10 * k, 0.135 * k * pw * g, 0.09 * k * g),
             (-0.04 * k, 0.172 * k * pw * g, 0.105 * k * g), (0.04 * k, 0.168 * k * pw * g, 0.10 * k * g),
             (0.16 * top / 0.504, 0.150 * k * g ** 1.2, 0.095 * k * g ** 1.2),
             (0.30 * top / 0.504, 0.150 * k * cw * g, 0.10 * k * g), (0.42 * top / 0.504, 0.165 * k * cw * g, 0.11 * k * g),
             (0.49 * top / 0.504, 0.172 * k * cw * g, 0.10 * k * g), (0.535 * top / 0.504, 0.150 * k * cw, 0.08 * k),
             (0.565 * top / 0.504, 0.09 * k, 0.06 * k), (0.58 * top / 0.504, 0.05 * k, 0.05 * k)]
    bumps = [vv_skin.Bump(-0.05 * k, 180.0, 0.02 * k * g, 0.06 * k, 50.0)]  # gluteal mass
    if body.belly_m > 0:
        bumps.append(vv_skin.Bump(0.14 * top / 0.504, 0.0, body.belly_m * k, 0.09 * k, 55.0))
    if b.breasts:
        for side in (-35.0, 35.0):
            bumps.append(vv_skin.Bump(0.37 * top / 0.504, side, 0.035 * k * g, 0.05 * k, 22.0))
    return knots, bumps


def arm_profile(body):
    d = body.dims
    k, g, la, lf = d.scale, body.arm_g, d.upper_arm_m, d.forearm_m
    knots = [(-0.06 * k, 0.012 * k, 0.012 * k), (-0.035 * k, 0.038 * k * g, 0.038 * k * g),
             (0.05 * k, 0.05 * k * g, 0.05 * k * g),
             (0.5 * la, 0.042 * k * g, 0.045 * k * g), (la, 0.034 * k, 0.034 * k),
             (la + 0.3 * lf, 0.036 * k * g, 0.038 * k * g), (la + lf, 0.025 * k, 0.02 * k)]
    bumps = [vv_skin.Bump(0.06 * k, 90.0, 0.01 * k * g, 0.05 * k, 60.0),  # deltoid, outwards
             vv_skin.Bump(0.55 * la, 0.0, 0.006 * k * g, 0.06 * k, 40.0)]  # biceps
    return knots, bumps
